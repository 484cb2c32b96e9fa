namespace YiyangPortal.Documents.Layout;

/// <summary>What a page holds after layout; painting turns these into Skia calls. Coordinates are PDF points
/// from the top-left corner of the page.</summary>
internal abstract record DrawOp;

internal readonly record struct PlacedAtom(Atom Atom, float X);

/// <summary>One line of text: atoms at their x offsets from <see cref="X"/>, on one baseline.</summary>
internal sealed record TextLineOp(float X, float Baseline, float Size, IReadOnlyList<PlacedAtom> Atoms) : DrawOp;

internal sealed record RuleOp(float X1, float Y1, float X2, float Y2, float Width) : DrawOp;

/// <summary>A QR code: dark modules of a square matrix, drawn as one vector path.</summary>
internal sealed record QrOp(float X, float Y, float Size, IReadOnlyList<bool[]> Modules) : DrawOp;

/// <summary>A laid-out line of a paragraph, before it is given a place on a page.</summary>
internal sealed record TextLine(IReadOnlyList<PlacedAtom> Atoms, float Size, float Width);

/// <summary>A4 in points, with the margins of the agreement.</summary>
internal static class PageGeometry
{
    public const float Width = 595.28f;
    public const float Height = 841.89f;
    public const float MarginLeft = 72f;
    public const float MarginRight = 72f;
    public const float MarginTop = 76f;
    public const float MarginBottom = 72f;
    public const float ContentWidth = Width - MarginLeft - MarginRight;
    public const float ContentBottom = Height - MarginBottom;
}
