using System.Text;
using SkiaSharp;
using YiyangPortal.Documents.Fonts;

namespace YiyangPortal.Documents.Rendering;

/// <summary>
/// The fonts of one document: the regular and bold faces cut down to the characters the document prints.
/// Handing Skia the whole CJK face makes it write the wrong Unicode for shared glyphs (方 extracts as the Kangxi
/// radical ⽅) and embed hundreds of KB; a subset has one code point per glyph and only the glyphs used.
/// </summary>
internal sealed class DocumentFonts : IDisposable
{
    private DocumentFonts(SKTypeface regular, SKTypeface bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>Checks every character against the whole face, then subsets.</summary>
    /// <exception cref="MissingGlyphException">A character has no glyph: it would print as a box.</exception>
    public static DocumentFonts Create(FontFile regular, FontFile bold, string regularText, string boldText)
    {
        var regularCodepoints = Codepoints(regularText, regular);
        var boldCodepoints = Codepoints(boldText, bold);
        return new DocumentFonts(
            Load(regular.TrueTypeSubset(regularCodepoints)), Load(bold.TrueTypeSubset(boldCodepoints)));
    }

    private static SortedSet<int> Codepoints(string text, FontFile font)
    {
        var codepoints = new SortedSet<int> { ' ' };
        foreach (var rune in text.EnumerateRunes())
        {
            codepoints.Add(rune.Value);
        }
        using var skFont = new SKFont(font.Typeface);
        foreach (var codepoint in codepoints)
        {
            if (skFont.GetGlyph(codepoint) == 0)
            {
                throw new MissingGlyphException(new Rune(codepoint), font.Path);
            }
        }
        return codepoints;
    }

    private static SKTypeface Load(byte[] fontData)
    {
        using var data = SKData.CreateCopy(fontData);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia cannot load the font subset.");
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
