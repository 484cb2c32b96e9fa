using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>Lays out an audit certificate: the title, then each section's heading and lines, with the body styles.</summary>
internal sealed class AuditCertificateComposer(AuditCertificateModel model, TextMeasurer measurer)
{
    private static readonly ParagraphStyle TitleStyle = new(18f, 30f, 0, Alignment.Center);
    private static readonly ParagraphStyle HeadingStyle = new(DocumentComposer.BodySize, DocumentComposer.BodyLineHeight, 0, Alignment.Left);
    private static readonly ParagraphStyle LineStyle = new(10.5f, 17f, 0, Alignment.Left);

    private readonly Paginator _paginator = new();

    public IReadOnlyList<IReadOnlyList<DrawOp>> Compose()
    {
        Add([new Span(model.Title, true)], TitleStyle);
        _paginator.Space(DocumentComposer.BodyLineHeight / 2);
        foreach (var section in model.Sections)
        {
            _paginator.Space(DocumentComposer.BodyLineHeight / 2);
            Add([new Span(section.Heading, true)], HeadingStyle);
            foreach (var line in section.Lines)
            {
                Add([new Span(line, false)], LineStyle);
            }
        }

        return _paginator.Pages;
    }

    private void Add(IEnumerable<Span> spans, ParagraphStyle style) =>
        _paginator.AddLines(ParagraphLayout.Lay(spans, style, PageGeometry.ContentWidth, measurer), PageGeometry.MarginLeft, style.LineHeight);
}
