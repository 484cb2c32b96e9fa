namespace YiyangPortal.Documents.Layout;

/// <summary>A table with a header row repeated on every page it spans; rows are never split.</summary>
internal sealed class TableLayout(IReadOnlyList<float> columnFractions, TextMeasurer measurer)
{
    private const float Padding = 4f;
    private const float Size = 10.5f;
    private const float LineHeight = 15f;
    private const float BorderWidth = 0.6f;

    private static readonly ParagraphStyle CellStyle = new(Size, LineHeight, 0, Alignment.Left);

    public void Add(Paginator paginator, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var headerRow = LayRow(header, bold: true);
        AddRow(paginator, headerRow, headerRow: null);
        foreach (var row in rows)
        {
            AddRow(paginator, LayRow(row, bold: false), headerRow);
        }
    }

    private void AddRow(Paginator paginator, Row row, Row? headerRow)
    {
        // The header must not be left alone at the bottom of a page: keep it with the first row's height.
        paginator.AddKeptTogether(row.Height, top => Draw(row, top), onNewPage: headerRow is null ? null : () =>
            paginator.AddKeptTogether(headerRow.Height, top => Draw(headerRow, top)));
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
