using YiyangPortal.Documents.Layout;
using YiyangPortal.Documents.Templates;

namespace YiyangPortal.Documents.Rendering;

/// <summary>
/// Lays out one agreement: the template text in its order with the blanks filled, then the schedule (附表) and
/// fee summary, then the template's signature lines for both parties side by side, then the verification QR code.
/// </summary>
internal sealed class DocumentComposer(AgreementDocumentModel model, TextMeasurer measurer)
{
    public const float BodySize = 12f;
    public const float BodyLineHeight = 21f;

    private static readonly ParagraphStyle TitleStyle = new(18f, 30f, 0, Alignment.Center);
    private static readonly ParagraphStyle HeadingStyle = new(BodySize, BodyLineHeight, 2, Alignment.Justify);
    private static readonly ParagraphStyle BodyStyle = new(BodySize, BodyLineHeight, 2, Alignment.Justify);
    private static readonly ParagraphStyle LineStyle = new(BodySize, BodyLineHeight, 0, Alignment.Justify);

    private readonly Paginator _paginator = new();

    public IReadOnlyList<IReadOnlyList<DrawOp>> Compose()
    {
        var template = TemplateText.For(model.Template);
        foreach (var block in template.Blocks)
        {
            switch (block.Kind)
            {
                case TemplateBlockKind.Title:
                    AddParagraph(Spans(block, bold: true), TitleStyle);
                    _paginator.Space(BodyLineHeight / 2);
                    break;
                case TemplateBlockKind.Heading:
                    AddParagraph(Spans(block, bold: true), HeadingStyle);
                    break;
                case TemplateBlockKind.Line:
                    AddParagraph(Spans(block, bold: false), LineStyle);
                    break;
                case TemplateBlockKind.Paragraph:
                    AddParagraph(Spans(block, bold: false), BodyStyle);
                    break;
                default:
                    break;
            }
        }
        new ScheduleSection(model, measurer).Add(_paginator);
        AddSignatures(template);
        new VerificationSection(model, measurer).Add(_paginator);
        return _paginator.Pages;
    }

    private void AddParagraph(IEnumerable<Span> spans, ParagraphStyle style) =>
        _paginator.AddLines(
            ParagraphLayout.Lay(spans, style, PageGeometry.ContentWidth, measurer),
            PageGeometry.MarginLeft,
            style.LineHeight);

    // The template's signature lines, 甲方 left and 乙方 right, kept together on one page.
    private void AddSignatures(TemplateText template)
    {
        const float gutter = 24f;
        var columnWidth = (PageGeometry.ContentWidth - gutter) / 2;
        var elderCare = SignatureColumn(template, TemplateBlockKind.ElderCareSignature, model.ElderCareSignature, columnWidth);
        var medical = SignatureColumn(template, TemplateBlockKind.MedicalSignature, model.MedicalSignature, columnWidth);
        var height = Math.Max(elderCare.Count, medical.Count) * BodyLineHeight;
        _paginator.Space(BodyLineHeight * 1.5f);
        _paginator.AddKeptTogether(height, top => Column(elderCare, PageGeometry.MarginLeft, top)
            .Concat(Column(medical, PageGeometry.MarginLeft + columnWidth + gutter, top)));
    }

    private List<TextLine> SignatureColumn(TemplateText template, TemplateBlockKind kind, PartySignature? signature, float width)
    {
        var style = LineStyle with { Alignment = Alignment.Left };
        var lines = template.Blocks.Where(b => b.Kind == kind)
            .SelectMany(b => ParagraphLayout.Lay(Spans(b, bold: false), style, width, measurer))
            .ToList();

        // Below the template's own lines: who signed in which capacity, and when (Beijing time), as recorded.
        if (signature is not null)
        {
            var who = string.IsNullOrWhiteSpace(signature.SignerTitle)
                ? signature.SignerName
                : $"{signature.SignerName}（{signature.SignerTitle}）";
            lines.AddRange(ParagraphLayout.Lay([new Span($"电子签署：{who}", false)], style, width, measurer));
            lines.AddRange(ParagraphLayout.Lay([new Span($"签署时间：{Formatting.ChineseDateTime(signature.SignedAt)}", false)], style, width, measurer));
        }

        return lines;
    }

    private static IEnumerable<DrawOp> Column(List<TextLine> lines, float x, float top)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            yield return Paginator.LineAt(lines[i], x, top + (i * BodyLineHeight), BodyLineHeight);
        }
    }

    private IEnumerable<Span> Spans(TemplateBlock block, bool bold)
    {
        foreach (var piece in block.Pieces)
        {
            switch (piece)
            {
                case TextPiece text:
                    yield return new Span(text.Text, bold);
                    break;
                case BlankPiece blank when BlankValues.Resolve(model, blank.Key) is { } value:
                    // A filled blank stays visibly a blank: underlined, with a little room on each side.
                    yield return new Span("", bold, Underline: true, GapEm: 0.25f);
                    yield return new Span(value, bold, Underline: true);
                    yield return new Span("", bold, Underline: true, GapEm: 0.25f);
                    break;
                case BlankPiece blank:
                    yield return new Span("", bold, Underline: true, GapEm: BlankValues.GapEm(blank.Key, blank.Marker));
                    break;
                default:
                    throw new InvalidOperationException();
            }
        }
    }
}
