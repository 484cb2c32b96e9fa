namespace YiyangPortal.Signing.SealImages;

/// <summary>
/// The font of drawn seals: Noto Serif CJK SC Bold from Debian's fonts-noto-cjk (face 2 of the collection is SC),
/// the same family as the agreement text (ADR 007); official seals are cut in a 宋体/仿宋 style.
/// </summary>
public sealed record SealImageOptions
{
    public string FontPath { get; init; } = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";

    public int FaceIndex { get; init; } = 2;

    /// <summary>Width and height of the PNG in pixels (a 38 mm seal at about 240 dpi).</summary>
    public int Size { get; init; } = 360;
}
