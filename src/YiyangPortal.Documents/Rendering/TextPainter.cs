using SkiaSharp;
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
            DrawRun(canvas, line, index, end, fonts.Get(bold, line.Size), ink);
            index = end;
        }
        DrawUnderlines(canvas, line, ink);
    }

    private static void DrawRun(SKCanvas canvas, TextLineOp line, int start, int end, SKFont font, SKPaint ink)
    {
        var glyphs = new List<ushort>();
        var positions = new List<float>();
        for (var i = start; i < end; i++)
        {
            var (atom, x) = line.Atoms[i];
            if (atom.IsGap || atom.IsSpace)
            {
                continue;
            }
            var atomGlyphs = font.GetGlyphs(atom.Text);
            var atomPositions = font.GetGlyphPositions(atom.Text);
            for (var g = 0; g < atomGlyphs.Length; g++)
            {
                glyphs.Add(atomGlyphs[g]);
                positions.Add(x + atomPositions[g].X);
            }
        }
        if (glyphs.Count == 0)
        {
            return;
        }
        using var builder = new SKTextBlobBuilder();
        builder.AddHorizontalRun(glyphs.ToArray(), font, positions.ToArray(), 0);
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
            font = FontFactory.Create(bold ? fonts.Bold : fonts.Regular, size);
            _fonts[(bold, size)] = font;
        }
        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
