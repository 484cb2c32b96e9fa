using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// One face of a font collection, loaded once per renderer: the bytes stay pinned for the life of the
/// renderer so HarfBuzz (subsetting) and Skia (measuring) read the same memory without copies.
/// </summary>
internal sealed class FontFile : IDisposable
{
    private readonly byte[] _bytes;
    private readonly GCHandle _pin;
    private readonly IntPtr _hbBlob;
    private readonly IntPtr _hbFace;

    public FontFile(string path, int faceIndex)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Font file not found: {path}. Install Debian fonts-noto-cjk or set AgreementPdfOptions font paths.", path);
        }
        _bytes = File.ReadAllBytes(path);
        _pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
        var address = _pin.AddrOfPinnedObject();
        _hbBlob = HarfBuzzSubsetNative.hb_blob_create(
            address, (uint)_bytes.Length, HarfBuzzSubsetNative.MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
        _hbFace = HarfBuzzSubsetNative.hb_face_create(_hbBlob, (uint)faceIndex);
        if (HarfBuzzSubsetNative.hb_face_get_glyph_count(_hbFace) == 0)
        {
            Dispose();
            throw new InvalidOperationException($"Face {faceIndex} of {path} has no glyphs.");
        }
        // Skia reads the pinned bytes in place; the renderer outlives every typeface made here.
        using var data = SKData.Create(address, _bytes.Length, (_, _) => { });
        Typeface = SKTypeface.FromData(data, faceIndex)
            ?? throw new InvalidOperationException($"Skia cannot load face {faceIndex} of {path}.");
        Path = path;
        Sfnt = new SfntFace(_bytes, faceIndex);
    }

    private readonly ConcurrentDictionary<int, TrueTypeGlyph> _glyphs = new();
    private readonly Lock _convertGate = new();
    private TrueTypeGlyph? _notdef;

    private SfntFace Sfnt { get; }

    public string Path { get; }

    /// <summary>The whole face: used to measure text and to check that every character has a glyph.</summary>
    public SKTypeface Typeface { get; }

    /// <summary>
    /// A standalone TrueType font holding only <paramref name="codepoints"/> (ascending), its outlines converted from
    /// the face's CFF ones. Glyphs are converted once and kept for the life of the renderer, so a warm render only
    /// assembles the tables.
    /// </summary>
    /// <exception cref="MissingGlyphException">A character has no glyph in the face.</exception>
    public byte[] TrueTypeSubset(IReadOnlyCollection<int> codepoints)
    {
        var glyphs = new List<(int, TrueTypeGlyph)>(codepoints.Count);
        List<int>? missing = null;
        foreach (var codepoint in codepoints)
        {
            if (!_glyphs.ContainsKey(codepoint))
            {
                (missing ??= []).Add(codepoint);
            }
        }
        if (missing is not null || _notdef is null)
        {
            Convert(missing ?? []);
        }
        foreach (var codepoint in codepoints)
        {
            glyphs.Add((codepoint, _glyphs[codepoint]));
        }
        return TrueTypeFontBuilder.Build(Sfnt, _notdef!, glyphs);
    }

    private void Convert(List<int> codepoints)
    {
        lock (_convertGate)
        {
            // One unit of the face per point: the outline comes out in font units.
            using var font = new SKFont(Typeface, Sfnt.UnitsPerEm)
            {
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Subpixel = true,
            };
            _notdef ??= Glyph(font, 0);
            foreach (var codepoint in codepoints)
            {
                var glyph = font.GetGlyph(codepoint);
                if (glyph == 0)
                {
                    throw new MissingGlyphException(new System.Text.Rune(codepoint), Path);
                }
                _glyphs.TryAdd(codepoint, Glyph(font, glyph));
            }
        }
    }

    private TrueTypeGlyph Glyph(SKFont font, ushort glyph)
    {
        using var path = font.GetGlyphPath(glyph);
        var advance = Sfnt.Advance(glyph);
        return path is null ? TrueTypeGlyph.Empty(advance) : TrueTypeGlyph.FromPath(path, advance);
    }

    /// <summary>A standalone font holding only <paramref name="codepoints"/> (HarfBuzz hb_subset_or_fail).</summary>
    public byte[] Subset(IEnumerable<int> codepoints)
    {
        var input = HarfBuzzSubsetNative.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("hb_subset_input_create_or_fail failed.");
        }
        try
        {
            var unicodes = HarfBuzzSubsetNative.hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                HarfBuzzSubsetNative.hb_set_add(unicodes, (uint)codepoint);
            }
            // We never shape (no GSUB/GPOS lookups) and lay out horizontally only: subsetting the large CJK layout
            // and vertical-metrics tables would cost time for nothing.
            var dropTables = HarfBuzzSubsetNative.hb_subset_input_set(input, HarfBuzzSubsetNative.SetsDropTableTag);
            foreach (var tag in DroppedTables)
            {
                HarfBuzzSubsetNative.hb_set_add(dropTables, Tag(tag));
            }
            HarfBuzzSubsetNative.hb_subset_input_set_flags(
                input, HarfBuzzSubsetNative.FlagsNoHinting | HarfBuzzSubsetNative.FlagsNoLayoutClosure);
            var subsetFace = HarfBuzzSubsetNative.hb_subset_or_fail(_hbFace, input);
            if (subsetFace == IntPtr.Zero)
            {
                throw new InvalidOperationException($"HarfBuzz could not subset {Path}.");
            }
            try
            {
                var blob = HarfBuzzSubsetNative.hb_face_reference_blob(subsetFace);
                try
                {
                    var data = HarfBuzzSubsetNative.hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    HarfBuzzSubsetNative.hb_blob_destroy(blob);
                }
            }
            finally
            {
                HarfBuzzSubsetNative.hb_face_destroy(subsetFace);
            }
        }
        finally
        {
            HarfBuzzSubsetNative.hb_subset_input_destroy(input);
        }
    }

    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG"];

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    public void Dispose()
    {
        Typeface?.Dispose();
        if (_hbFace != IntPtr.Zero)
        {
            HarfBuzzSubsetNative.hb_face_destroy(_hbFace);
        }
        if (_hbBlob != IntPtr.Zero)
        {
            HarfBuzzSubsetNative.hb_blob_destroy(_hbBlob);
        }
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
