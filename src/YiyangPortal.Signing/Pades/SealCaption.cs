using System.Globalization;
using System.Text;
using SkiaSharp;

namespace YiyangPortal.Signing.Pades;

/// <summary>
/// Text a seal's appearance shows beside its image — who signed, in which capacity, and when (issue 10) — in the
/// room the document kept free for it (<see cref="Area"/>, PDF user space). Made by <see cref="SealCaptionPainter"/>:
/// the glyphs are drawn as filled outlines, so the appearance needs no embedded font and looks the same everywhere.
/// </summary>
public sealed class SealCaption
{
    internal SealCaption(PdfRectangle area, IReadOnlyList<string> lines, string operators)
    {
        Area = area;
        Lines = lines;
        Operators = operators;
    }

    public PdfRectangle Area { get; }

    /// <summary>The lines as drawn (wrapped to the area's width).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>PDF path operators drawing the text, relative to the area's lower-left corner.</summary>
    internal string Operators { get; }
}

/// <summary>
/// Turns caption lines into glyph outlines with SkiaSharp (thread-safe; one instance per font, meant as a
/// singleton). Lines longer than the area wrap at a character; lines beyond the area's height are dropped.
/// </summary>
public sealed class SealCaptionPainter : IDisposable
{
    private readonly SKTypeface _typeface;

    /// <param name="fontPath">The document's font (Noto Serif CJK, ADR 007), so the caption matches the text around it.</param>
    public SealCaptionPainter(string fontPath = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", int faceIndex = 2)
    {
        _typeface = SKTypeface.FromFile(fontPath, faceIndex)
            ?? throw new FileNotFoundException($"Caption font not found: {fontPath}", fontPath);
    }

    public SealCaption Paint(IReadOnlyList<string> lines, PdfRectangle area, float fontSize = 10.5f, float lineHeight = 21f)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var font = new SKFont(_typeface, fontSize);

        // A line a little too long is set smaller (down to 8.5 pt) rather than wrapped with one character left over.
        var widest = lines.Count == 0 ? 0 : lines.Max(line => font.MeasureText(line));
        if (widest > area.Width)
        {
            font.Size = Math.Max(8.5f, fontSize * area.Width / widest * 0.99f);
        }

        var wrapped = lines.SelectMany(line => Wrap(font, line, area.Width)).ToList();
        var fitting = Math.Max(1, (int)(area.Height / lineHeight));
        wrapped = wrapped.Take(fitting).ToList();
        var operators = new StringBuilder();
        for (var i = 0; i < wrapped.Count; i++)
        {
            // Baseline as the document sets its lines: about two thirds down the line box (y grows downwards here).
            var baseline = (i * lineHeight) + (lineHeight * 0.7f);
            using var path = font.GetTextPath(wrapped[i], new SKPoint(0, baseline));
            AppendPath(operators, path, area.Height);
        }
        operators.Append('f');
        return new SealCaption(area, wrapped, operators.ToString());
    }

    private static IEnumerable<string> Wrap(SKFont font, string line, float width)
    {
        var current = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            var candidate = current + rune.ToString();
            if (current.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return current.ToString();
                current.Clear();
            }
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    // Skia's y grows downwards, PDF's upwards: y' = height - y. Quadratic and conic segments become cubics.
    private static void AppendPath(StringBuilder operators, SKPath path, float height)
    {
        using var iterator = path.CreateRawIterator();
        var points = new SKPoint[4];
        SKPathVerb verb;
        var last = SKPoint.Empty;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    Point(operators, points[0], height).Append("m ");
                    last = points[0];
                    break;
                case SKPathVerb.Line:
                    Point(operators, points[1], height).Append("l ");
                    last = points[1];
                    break;
                case SKPathVerb.Quad:
                    Quad(operators, last, points[1], points[2], height);
                    last = points[2];
                    break;
                case SKPathVerb.Conic:
                    foreach (var (control, end) in ConicAsQuads(last, points[1], points[2], iterator.ConicWeight()))
                    {
                        Quad(operators, last, control, end, height);
                        last = end;
                    }
                    break;
                case SKPathVerb.Cubic:
                    Point(operators, points[1], height);
                    Point(operators, points[2], height);
                    Point(operators, points[3], height).Append("c ");
                    last = points[3];
                    break;
                case SKPathVerb.Close:
                    operators.Append("h ");
                    break;
            }
        }
    }

    private static void Quad(StringBuilder operators, SKPoint from, SKPoint control, SKPoint to, float height)
    {
        var c1 = new SKPoint(from.X + (2f / 3f * (control.X - from.X)), from.Y + (2f / 3f * (control.Y - from.Y)));
        var c2 = new SKPoint(to.X + (2f / 3f * (control.X - to.X)), to.Y + (2f / 3f * (control.Y - to.Y)));
        Point(operators, c1, height);
        Point(operators, c2, height);
        Point(operators, to, height).Append("c ");
    }

    private static IEnumerable<(SKPoint Control, SKPoint End)> ConicAsQuads(SKPoint from, SKPoint control, SKPoint to, float weight)
    {
        var quads = SKPath.ConvertConicToQuads(from, control, to, weight, 2);
        for (var i = 1; i + 1 < quads.Length; i += 2)
        {
            yield return (quads[i], quads[i + 1]);
        }
    }

    private static StringBuilder Point(StringBuilder operators, SKPoint point, float height) =>
        operators.Append(point.X.ToString("0.##", CultureInfo.InvariantCulture)).Append(' ')
            .Append((height - point.Y).ToString("0.##", CultureInfo.InvariantCulture)).Append(' ');

    public void Dispose() => _typeface.Dispose();
}
