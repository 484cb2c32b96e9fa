using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>
/// Lays out a <see cref="FulfilmentReportModel"/>: the title, the facts, then each section's heading, paragraphs,
/// table (header repeated on each page, rows never split, emphasised rows bold) and notes — the audit certificate's
/// styles and the schedule's table.
/// </summary>
internal sealed class ReportComposer(FulfilmentReportModel model, TextMeasurer measurer)
{
    private static readonly ParagraphStyle TitleStyle = new(18f, 30f, 0, Alignment.Center);
    private static readonly ParagraphStyle HeadingStyle = new(DocumentComposer.BodySize, DocumentComposer.BodyLineHeight, 0, Alignment.Left);
    private static readonly ParagraphStyle LineStyle = new(10.5f, 17f, 0, Alignment.Left);
    private static readonly ParagraphStyle NoteStyle = new(9f, 14f, 0, Alignment.Left);

    private readonly Paginator _paginator = new();

    public IReadOnlyList<IReadOnlyList<DrawOp>> Compose()
    {
        Add(model.Title, bold: true, TitleStyle);
        _paginator.Space(DocumentComposer.BodyLineHeight / 2);
        foreach (var fact in model.Facts)
        {
            Add(fact, bold: false, LineStyle);
        }

        foreach (var section in model.Sections)
        {
            _paginator.Space(DocumentComposer.BodyLineHeight / 2);
            var heading = Lines(section.Heading, bold: true, HeadingStyle);
            if (section.Table is { } table && section.Paragraphs.Count == 0)
            {
                // The heading travels with the table's header and first row.
                new TableLayout(table.Columns, measurer).Add(
                    _paginator, table.Header, table.Rows.Select(r => r.Cells), heading, HeadingStyle.LineHeight, Emphasised(table));
            }
            else
            {
                _paginator.EnsureSpace(HeadingStyle.LineHeight * 2);
                _paginator.AddLines(heading, PageGeometry.MarginLeft, HeadingStyle.LineHeight);
                foreach (var paragraph in section.Paragraphs)
                {
                    Add(paragraph, bold: false, LineStyle);
                }

                if (section.Table is { } after)
                {
                    _paginator.Space(LineStyle.LineHeight / 2);
                    new TableLayout(after.Columns, measurer).Add(
                        _paginator, after.Header, after.Rows.Select(r => r.Cells), emphasised: Emphasised(after));
                }
            }

            foreach (var note in section.Notes ?? [])
            {
                Add(note, bold: false, NoteStyle);
            }
        }

        return _paginator.Pages;
    }

    private static HashSet<int> Emphasised(ReportTable table) =>
        table.Rows.Select((row, i) => (row, i)).Where(r => r.row.Emphasised).Select(r => r.i).ToHashSet();

    private List<TextLine> Lines(string text, bool bold, ParagraphStyle style) =>
        ParagraphLayout.Lay([new Span(text, bold)], style, PageGeometry.ContentWidth, measurer);

    private void Add(string text, bool bold, ParagraphStyle style) =>
        _paginator.AddLines(Lines(text, bold, style), PageGeometry.MarginLeft, style.LineHeight);
}
