using System.Globalization;
using System.Text;
using SkiaSharp;
using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>
/// Second pass: paints the laid-out pages with the document's font subsets, adding the header (document number),
/// the footer (第 x 页 共 n 页) and, on drafts, the 草稿 / 未生效 watermark.
/// </summary>
internal sealed class PagePainter(AgreementDocumentModel model, string title)
{
    public const string Watermark = "草稿 / 未生效";

    private const float HeaderSize = 9f;
    private const float WatermarkSize = 60f;
    private static readonly SKColor Ink = SKColors.Black;
    private static readonly SKColor Grey = new(0x66, 0x66, 0x66);
    private static readonly SKColor WatermarkColor = new(0xC0, 0x00, 0x00, 0x38);

    /// <summary>Every character painted in the regular and in the bold face (to subset the fonts).</summary>
    public (string Regular, string Bold) Characters(IReadOnlyList<IReadOnlyList<DrawOp>> pages)
    {
        var regular = new StringBuilder();
        var bold = new StringBuilder(model.IsDraft ? Watermark : "");
        foreach (var atom in pages.SelectMany(p => p).OfType<TextLineOp>().SelectMany(l => l.Atoms).Select(a => a.Atom))
        {
            (atom.Bold ? bold : regular).Append(atom.Text);
        }
        regular.Append(HeaderLeft).Append(HeaderRight).Append(Footer(0, 0)).Append("0123456789");
        return (regular.ToString(), bold.ToString());
    }

    public void Paint(SKDocument document, IReadOnlyList<IReadOnlyList<DrawOp>> pages, DocumentFonts fonts)
    {
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var grey = new SKPaint { Color = Grey, IsAntialias = true };
        using var stroke = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var fontCache = new FontCache(fonts);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageGeometry.Width, PageGeometry.Height);
            foreach (var op in pages[i])
            {
                if (op is not RuleOp)
                {
                    Draw(canvas, op, fontCache, ink);
                }
            }
            DrawRules(canvas, pages[i].OfType<RuleOp>(), stroke);
            DrawHeaderAndFooter(canvas, fontCache, grey, i + 1, pages.Count);
            if (model.IsDraft)
            {
                DrawWatermark(canvas, fontCache);
            }
            document.EndPage();
        }
    }

    private string HeaderLeft => title;

    private string HeaderRight => $"协议编号：{model.DocumentNumber}";

    private static string Footer(int page, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"第 {page} 页 共 {total} 页");

    private static void Draw(SKCanvas canvas, DrawOp op, FontCache fonts, SKPaint ink)
    {
        switch (op)
        {
            case TextLineOp line:
                TextPainter.DrawLine(canvas, line, fonts, ink);
                break;
            case QrOp qr:
                DrawQr(canvas, qr, ink);
                break;
            default:
                throw new InvalidOperationException($"Unknown draw operation {op.GetType().Name}.");
        }
    }

    // A page's rules (table borders) as one stroked path per width, after its text (they never overlap it): a table
    // draws each cell's borders, so shared borders are merged and collinear pieces joined into one line.
    private static void DrawRules(SKCanvas canvas, IEnumerable<RuleOp> rules, SKPaint stroke)
    {
        foreach (var byWidth in rules.GroupBy(r => r.Width).OrderBy(g => g.Key))
        {
            using var builder = new SKPathBuilder();
            var horizontal = byWidth.Where(r => r.Y1 == r.Y2)
                .Select(r => (Line: r.Y1, From: Math.Min(r.X1, r.X2), To: Math.Max(r.X1, r.X2)));
            foreach (var (y, from, to) in Joined(horizontal))
            {
                builder.MoveTo(from, y);
                builder.LineTo(to, y);
            }
            var vertical = byWidth.Where(r => r.Y1 != r.Y2 && r.X1 == r.X2)
                .Select(r => (Line: r.X1, From: Math.Min(r.Y1, r.Y2), To: Math.Max(r.Y1, r.Y2)));
            foreach (var (x, from, to) in Joined(vertical))
            {
                builder.MoveTo(x, from);
                builder.LineTo(x, to);
            }
            foreach (var rule in byWidth.Where(r => r.Y1 != r.Y2 && r.X1 != r.X2))
            {
                builder.MoveTo(rule.X1, rule.Y1);
                builder.LineTo(rule.X2, rule.Y2);
            }
            stroke.StrokeWidth = byWidth.Key;
            using var path = builder.Detach();
            canvas.DrawPath(path, stroke);
        }
    }

    // Segments on the same line that overlap or touch become one.
    private static IEnumerable<(float Line, float From, float To)> Joined(IEnumerable<(float Line, float From, float To)> segments)
    {
        foreach (var line in segments.GroupBy(s => s.Line).OrderBy(g => g.Key))
        {
            (float Line, float From, float To)? current = null;
            foreach (var segment in line.OrderBy(s => s.From).ThenBy(s => s.To))
            {
                if (current is { } c && segment.From <= c.To)
                {
                    current = c with { To = Math.Max(c.To, segment.To) };
                    continue;
                }
                if (current is { } done)
                {
                    yield return done;
                }
                current = segment;
            }
            if (current is { } last)
            {
                yield return last;
            }
        }
    }

    private void DrawHeaderAndFooter(SKCanvas canvas, FontCache fonts, SKPaint grey, int page, int total)
    {
        var font = fonts.Get(bold: false, HeaderSize);
        var headerBaseline = PageGeometry.MarginTop - 24;
        canvas.DrawText(HeaderLeft, PageGeometry.MarginLeft, headerBaseline, SKTextAlign.Left, font, grey);
        canvas.DrawText(HeaderRight, PageGeometry.Width - PageGeometry.MarginRight, headerBaseline, SKTextAlign.Right, font, grey);
        grey.StrokeWidth = 0.5f;
        canvas.DrawLine(PageGeometry.MarginLeft, headerBaseline + 6, PageGeometry.Width - PageGeometry.MarginRight, headerBaseline + 6, grey);
        canvas.DrawText(Footer(page, total), PageGeometry.Width / 2, PageGeometry.Height - 40, SKTextAlign.Center, font, grey);
    }

    private static void DrawWatermark(SKCanvas canvas, FontCache fonts)
    {
        using var paint = new SKPaint { Color = WatermarkColor, IsAntialias = true };
        var font = fonts.Get(bold: true, WatermarkSize);
        canvas.Save();
        canvas.Translate(PageGeometry.Width / 2, PageGeometry.Height / 2);
        canvas.RotateDegrees(-35);
        canvas.DrawText(Watermark, 0, WatermarkSize * 0.35f, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }

    // One rectangle per block of dark modules (a run along a row, extended down while the rows below repeat it),
    // not one per module: a third of the path operators in the page's content stream.
    private static void DrawQr(SKCanvas canvas, QrOp qr, SKPaint ink)
    {
        var module = qr.Size / qr.Modules.Count;
        var runs = new HashSet<(int Row, int Start, int End)>();
        for (var row = 0; row < qr.Modules.Count; row++)
        {
            var modules = qr.Modules[row];
            for (var column = 0; column < modules.Length; column++)
            {
                if (modules[column])
                {
                    var start = column;
                    while (column + 1 < modules.Length && modules[column + 1])
                    {
                        column++;
                    }
                    runs.Add((row, start, column + 1));
                }
            }
        }
        using var builder = new SKPathBuilder();
        for (var row = 0; row < qr.Modules.Count; row++)
        {
            foreach (var run in runs.Where(r => r.Row == row).OrderBy(r => r.Start).ToList())
            {
                runs.Remove(run);
                var rows = 1;
                while (runs.Remove((row + rows, run.Start, run.End)))
                {
                    rows++;
                }
                builder.AddRect(SKRect.Create(
                    qr.X + (run.Start * module), qr.Y + (row * module), (run.End - run.Start) * module, rows * module));
            }
        }
        using var path = builder.Detach();
        canvas.DrawPath(path, ink);
    }
}
