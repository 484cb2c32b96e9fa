namespace YiyangPortal.Documents;

/// <summary>
/// Where the fonts are. Defaults: Noto Serif CJK SC from Debian fonts-noto-cjk; face 2 of each collection is the
/// SC (simplified Chinese) face.
/// </summary>
public sealed record AgreementPdfOptions
{
    public string RegularFontPath { get; init; } = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    public string BoldFontPath { get; init; } = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";

    public int FaceIndex { get; init; } = 2;

    /// <summary>Written into the PDF's Producer/Creator fields.</summary>
    public string Producer { get; init; } = "YiyangPortal";
}
