using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// One face of a font collection, loaded once per renderer: the bytes stay pinned for the life of the renderer so
/// Skia reads them in place. Also holds every glyph converted to TrueType so far (per code point), so a warm render
/// only assembles its font from cached glyphs.
/// </summary>
internal sealed class FontFile : IDisposable
{
    private readonly byte[] _bytes;
    private readonly GCHandle _pin;
    private readonly SfntFace _sfnt;
    private readonly ConcurrentDictionary<int, TrueTypeGlyph> _glyphs = new();
    private readonly Lock _convertGate = new();
    private TrueTypeGlyph? _notdef;

    public FontFile(string path, int faceIndex)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Font file not found: {path}. Install Debian fonts-noto-cjk or set AgreementPdfOptions font paths.", path);
        }
        _bytes = File.ReadAllBytes(path);
        _pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
        try
        {
            _sfnt = new SfntFace(_bytes, faceIndex);
            // Skia reads the pinned bytes in place; the renderer outlives every typeface made here.
            using var data = SKData.Create(_pin.AddrOfPinnedObject(), _bytes.Length, (_, _) => { });
            Typeface = SKTypeface.FromData(data, faceIndex)
                ?? throw new InvalidOperationException($"Skia cannot load face {faceIndex} of {path}.");
            if (Typeface.GlyphCount == 0)
            {
                throw new InvalidOperationException($"Face {faceIndex} of {path} has no glyphs.");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        Path = path;
    }

    public string Path { get; }

    /// <summary>The whole face: used to measure text and to check that every character has a glyph.</summary>
    public SKTypeface Typeface { get; } = null!;

    /// <summary>Whether the face has a glyph for <paramref name="rune"/>.</summary>
    public bool Covers(Rune rune)
    {
        if (_glyphs.ContainsKey(rune.Value))
        {
            return true;
        }
        using var font = new SKFont(Typeface);
        return font.GetGlyph(rune.Value) != 0;
    }

    /// <summary>
    /// A standalone TrueType font holding only <paramref name="codepoints"/> (ascending, distinct): glyph i + 1 is
    /// code point i. The outlines are the face's CFF ones converted to quadratic curves (see
    /// <see cref="TrueTypeGlyph"/>); Skia's PDF backend embeds such a font as CIDFontType2, where it would write a
    /// CFF font as Type 3 glyph procedures (slow and big).
    /// </summary>
    /// <exception cref="MissingGlyphException">A character has no glyph in the face: it would print as a box.</exception>
    public FontSubset Subset(int[] codepoints)
    {
        var glyphs = new TrueTypeGlyph[codepoints.Length];
        List<int>? missing = null;
        for (var i = 0; i < codepoints.Length; i++)
        {
            if (!_glyphs.TryGetValue(codepoints[i], out glyphs[i]!))
            {
                (missing ??= []).Add(i);
            }
        }
        if (missing is not null || _notdef is null)
        {
            Convert(codepoints, missing ?? []);
            foreach (var i in missing ?? [])
            {
                glyphs[i] = _glyphs[codepoints[i]];
            }
        }
        var font = TrueTypeFontBuilder.Build(_sfnt, _notdef!, codepoints, glyphs);
        using var data = SKData.CreateCopy(font);
        var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia cannot load the font subset.");
        return new FontSubset(typeface, codepoints, Array.ConvertAll(glyphs, g => g.Advance), _sfnt.UnitsPerEm);
    }

    private void Convert(int[] codepoints, List<int> missing)
    {
        lock (_convertGate)
        {
            // One point per font unit: the outline comes out in font units.
            using var font = new SKFont(Typeface, _sfnt.UnitsPerEm)
            {
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Subpixel = true,
            };
            _notdef ??= Glyph(font, 0);
            foreach (var codepoint in missing.Select(i => codepoints[i]))
            {
                var glyph = font.GetGlyph(codepoint);
                if (glyph == 0)
                {
                    throw new MissingGlyphException(new Rune(codepoint), Path);
                }
                _glyphs.TryAdd(codepoint, Glyph(font, glyph));
            }
        }
    }

    private TrueTypeGlyph Glyph(SKFont font, ushort glyph)
    {
        using var path = font.GetGlyphPath(glyph);
        var advance = _sfnt.Advance(glyph);
        return path is null ? TrueTypeGlyph.Empty(advance) : TrueTypeGlyph.FromPath(path, advance);
    }

    public void Dispose()
    {
        Typeface?.Dispose();
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
