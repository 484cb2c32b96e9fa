using SkiaSharp;
using YiyangPortal.Documents.Fonts;
using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>Paints one laid-out line as text blobs (one run per face) plus the underlines of its blanks.</summary>
internal static class TextPainter
{
    public static void DrawLine(SKCanvas canvas, TextLineOp line, FontCache fonts, SKPaint ink)
    {
        var index = 0;
        while (index < line.Atoms.Count)
        {
            var bold = line.Atoms[index].Atom.Bold;
            var end = index;
            while (end < line.Atoms.Count && line.Atoms[end].Atom.Bold == bold)
            {
                end++;
            }
            DrawRun(canvas, line, index, end, fonts.Get(bold, line.Size), fonts.Subset(bold), ink);
            index = end;
        }
        DrawUnderlines(canvas, line, ink);
    }

    // Positions within this distance (points) of where the previous glyph's advance puts a glyph are moved there.
    private const float SnapDistance = 0.001f;

    // Glyphs and advances come from the document's font (glyph i + 1 is its i-th code point), not from Skia.
    // Skia's PDF backend writes a glyph without a Td operator only when its position equals, as a float, the sum
    // of the advances since the last Td (SkPDFDevice's GlyphPositioner); layout positions are a few 1e-5 pt off,
    // so unmoved every glyph would get its own Td: three times the content stream and its deflate time. Positions
    // that are that close are therefore computed the way Skia does; stretched (justified) gaps stay as laid out.
    private static void DrawRun(SKCanvas canvas, TextLineOp line, int start, int end, SKFont font, FontSubset subset, SKPaint ink)
    {
        var capacity = 0;
        for (var i = start; i < end; i++)
        {
            capacity += line.Atoms[i].Atom.Text.Length;
        }
        var glyphs = new ushort[capacity];
        var positions = new float[capacity];
        var count = 0;
        var advanceScale = line.Size / subset.UnitsPerEm;
        var origin = 0f;
        var advanced = 0f;
        for (var i = start; i < end; i++)
        {
            var (atom, x) = line.Atoms[i];
            if (atom.IsGap || atom.IsSpace)
            {
                continue;
            }
            var offset = 0.0;
            foreach (var rune in atom.Text.EnumerateRunes())
            {
                var (glyph, advance) = subset[rune.Value];
                var laidOut = (float)(x + offset);
                var following = origin + advanced;
                float position;
                if (Math.Abs(following - laidOut) <= SnapDistance && following - origin == advanced)
                {
                    position = following;
                }
                else
                {
                    position = laidOut;
                    origin = laidOut;
                    advanced = 0f;
                }
                advanced += advanceScale * advance;
                glyphs[count] = glyph;
                positions[count] = position;
                count++;
                offset += (double)advance * line.Size / subset.UnitsPerEm;
            }
        }
        if (count == 0)
        {
            return;
        }
        using var builder = new SKTextBlobBuilder();
        builder.AddHorizontalRun(glyphs.AsSpan(0, count), font, positions.AsSpan(0, count), 0);
        using var blob = builder.Build();
        canvas.DrawText(blob, line.X, line.Baseline, ink);
    }

    private static void DrawUnderlines(SKCanvas canvas, TextLineOp line, SKPaint ink)
    {
        var y = line.Baseline + (0.18f * line.Size);
        var index = 0;
        while (index < line.Atoms.Count)
        {
            if (!line.Atoms[index].Atom.Underline)
            {
                index++;
                continue;
            }
            var start = line.X + line.Atoms[index].X;
            var end = index;
            while (end + 1 < line.Atoms.Count && line.Atoms[end + 1].Atom.Underline)
            {
                end++;
            }
            var last = line.Atoms[end];
            using var paint = new SKPaint { Color = ink.Color, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
            canvas.DrawLine(start, y, line.X + last.X + last.Atom.Width, y, paint);
            index = end + 1;
        }
    }
}

/// <summary>SKFont objects of the document's subsets, one per face and size.</summary>
internal sealed class FontCache(DocumentFonts fonts) : IDisposable
{
    private readonly Dictionary<(bool, float), SKFont> _fonts = [];

    public SKFont Get(bool bold, float size)
    {
        if (!_fonts.TryGetValue((bold, size), out var font))
        {
            font = FontFactory.Create(fonts.Get(bold).Typeface, size);
            _fonts[(bold, size)] = font;
        }
        return font;
    }

    public FontSubset Subset(bool bold) => fonts.Get(bold);

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
