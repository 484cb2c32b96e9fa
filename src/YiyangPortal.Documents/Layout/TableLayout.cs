namespace YiyangPortal.Documents.Layout;

/// <summary>A table with a header row repeated on every page it spans; rows are never split; chosen rows may print bold.</summary>
internal sealed class TableLayout(IReadOnlyList<float> columnFractions, TextMeasurer measurer)
{
    private const float Padding = 4f;
    private const float Size = 10.5f;
    private const float LineHeight = 15f;
    private const float BorderWidth = 0.6f;

    private static readonly ParagraphStyle CellStyle = new(Size, LineHeight, 0, Alignment.Left);

    /// <param name="caption">Lines printed above the table and kept with its header and first row.</param>
    /// <param name="emphasised">The indexes of the rows printed bold (a report's shortfalls).</param>
    public void Add(
        Paginator paginator,
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<TextLine>? caption = null,
        float captionLineHeight = 0,
        IReadOnlySet<int>? emphasised = null)
    {
        var headerRow = LayRow(header, bold: true);
        var bodyRows = rows.Select((row, i) => LayRow(row, bold: emphasised?.Contains(i) == true)).ToList();
        // A caption or header alone at the foot of a page reads as a mistake: start the table on the next page.
        var captionHeight = (caption?.Count ?? 0) * captionLineHeight;
        paginator.EnsureSpace(captionHeight + headerRow.Height + (bodyRows.Count > 0 ? bodyRows[0].Height : 0));
        if (caption is not null)
        {
            paginator.AddLines(caption, PageGeometry.MarginLeft, captionLineHeight);
        }
        paginator.AddKeptTogether(headerRow.Height, top => Draw(headerRow, top));
        foreach (var row in bodyRows)
        {
            // Rows are never split; the header is repeated at the top of each continuation page.
            paginator.AddKeptTogether(row.Height, top => Draw(row, top), onNewPage: () =>
                paginator.AddKeptTogether(headerRow.Height, top => Draw(headerRow, top)));
        }
    }

    private Row LayRow(IReadOnlyList<string> cells, bool bold)
    {
        var columns = new List<List<TextLine>>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var width = (columnFractions[i] * PageGeometry.ContentWidth) - (2 * Padding);
            columns.Add(ParagraphLayout.Lay([new Span(cells[i], bold)], CellStyle, width, measurer));
        }
        var height = (columns.Max(c => Math.Max(1, c.Count)) * LineHeight) + (2 * Padding);
        return new Row(columns, height);
    }

    private IEnumerable<DrawOp> Draw(Row row, float top)
    {
        var x = PageGeometry.MarginLeft;
        var right = PageGeometry.MarginLeft + PageGeometry.ContentWidth;
        var bottom = top + row.Height;
        yield return new RuleOp(x, top, right, top, BorderWidth);
        yield return new RuleOp(x, bottom, right, bottom, BorderWidth);
        for (var i = 0; i < row.Cells.Count; i++)
        {
            yield return new RuleOp(x, top, x, bottom, BorderWidth);
            var lineTop = top + Padding;
            foreach (var line in row.Cells[i])
            {
                yield return Paginator.LineAt(line, x + Padding, lineTop, LineHeight);
                lineTop += LineHeight;
            }
            x += columnFractions[i] * PageGeometry.ContentWidth;
        }
        yield return new RuleOp(right, top, right, bottom, BorderWidth);
    }

    private sealed record Row(IReadOnlyList<List<TextLine>> Cells, float Height);
}
