namespace YiyangPortal.Signing.Pades;

/// <summary>A rectangle in PDF user space (points, origin bottom-left).</summary>
public readonly record struct PdfRectangle(float Left, float Bottom, float Right, float Top)
{
    public float Width => Right - Left;

    public float Height => Top - Bottom;
}

/// <summary>
/// One party's seal on a document: which seal (its key id at the key provider), its image, where it goes (page
/// index from 0, rectangle) and what the signature dictionary says (§12.8.1: /Name, /Reason, /Location).
/// <see cref="FieldName"/> must be unique in the document (e.g. 甲方签章, 乙方签章). With a <see cref="Caption"/>, the
/// widget spans the seal and the caption's area, and its appearance draws both.
/// </summary>
public sealed record SealPlacement(
    Guid SealId,
    SealAppearance Appearance,
    int PageIndex,
    PdfRectangle Rectangle,
    string FieldName,
    string SignerName,
    string? Reason = "签约盖章",
    string? Location = null,
    string? ContactInfo = null,
    SealCaption? Caption = null)
{
    /// <summary>The widget's rectangle: the seal's, grown to include the caption's area.</summary>
    public PdfRectangle WidgetRectangle => Caption is { } caption
        ? new PdfRectangle(
            Math.Min(Rectangle.Left, caption.Area.Left), Math.Min(Rectangle.Bottom, caption.Area.Bottom),
            Math.Max(Rectangle.Right, caption.Area.Right), Math.Max(Rectangle.Top, caption.Area.Top))
        : Rectangle;
}
