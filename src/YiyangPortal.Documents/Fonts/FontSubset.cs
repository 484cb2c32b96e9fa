using SkiaSharp;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// A document's font: a typeface holding only the code points it prints, glyph i + 1 for code point i, so the
/// painter finds glyphs and advances without asking Skia.
/// </summary>
internal sealed class FontSubset(SKTypeface typeface, int[] codepoints, ushort[] advances, int unitsPerEm) : IDisposable
{
    public SKTypeface Typeface { get; } = typeface;

    public int UnitsPerEm { get; } = unitsPerEm;

    /// <summary>The glyph of <paramref name="codepoint"/> and its advance in font units.</summary>
    public (ushort Glyph, ushort Advance) this[int codepoint]
    {
        get
        {
            var index = Array.BinarySearch(codepoints, codepoint);
            return index >= 0
                ? ((ushort)(index + 1), advances[index])
                : throw new InvalidOperationException($"U+{codepoint:X4} is not in the document's font.");
        }
    }

    public void Dispose() => Typeface.Dispose();
}
