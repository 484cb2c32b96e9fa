namespace YiyangPortal.Documents.Layout;

/// <summary>
/// First pass: places blocks top to bottom, opening pages as they fill. The page count is known only when this
/// is done, which is why page numbers (第 x 页 共 n 页) are painted in a second pass.
/// </summary>
internal sealed class Paginator
{
    private readonly List<List<DrawOp>> _pages = [];

    public Paginator() => NewPage();

    public IReadOnlyList<IReadOnlyList<DrawOp>> Pages => _pages;

    /// <summary>Top of the free space on the current page.</summary>
    public float Y { get; private set; }

    private List<DrawOp> Current => _pages[^1];

    public void NewPage()
    {
        _pages.Add([]);
        Y = PageGeometry.MarginTop;
    }

    public bool Fits(float height) => Y + height <= PageGeometry.ContentBottom + 0.01f;

    /// <summary>Opens a new page unless <paramref name="height"/> fits below the current position.</summary>
    public void EnsureSpace(float height)
    {
        if (!Fits(height) && Y > PageGeometry.MarginTop)
        {
            NewPage();
        }
    }

    /// <summary>Vertical space; dropped at the top of a page so pages do not start with a gap.</summary>
    public void Space(float height)
    {
        if (Y > PageGeometry.MarginTop)
        {
            Y = Math.Min(Y + height, PageGeometry.ContentBottom);
        }
    }

    /// <summary>Lines of a paragraph; they continue on the next page when the page is full.</summary>
    public void AddLines(IEnumerable<TextLine> lines, float x, float lineHeight)
    {
        foreach (var line in lines)
        {
            if (!Fits(lineHeight))
            {
                NewPage();
            }
            Current.Add(LineAt(line, x, Y, lineHeight));
            Y += lineHeight;
        }
    }

    /// <summary>A block that must not be split (a table row, the signature block): moved whole to a new page
    /// if it does not fit. <paramref name="draw"/> receives the block's top.</summary>
    public void AddKeptTogether(float height, Func<float, IEnumerable<DrawOp>> draw, Action? onNewPage = null)
    {
        if (!Fits(height) && Y > PageGeometry.MarginTop)
        {
            NewPage();
            onNewPage?.Invoke();
        }
        Current.AddRange(draw(Y));
        Y += height;
    }

    public static TextLineOp LineAt(TextLine line, float x, float top, float lineHeight) =>
        new(x, Baseline(top, lineHeight, line.Size), line.Size, line.Atoms);

    // CJK faces sit their ideographs in an em box from 0.88 em above to 0.12 em below the baseline; centre that
    // box in the line.
    private static float Baseline(float top, float lineHeight, float size) => top + ((lineHeight - size) / 2) + (0.88f * size);
}
