using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>附表: the agreed service items and the fee summary (issue 5: category, item, frequency/unit, price,
/// funding; then the fees).</summary>
internal sealed class ScheduleSection(AgreementDocumentModel model, TextMeasurer measurer)
{
    private static readonly float[] ItemColumns = [0.07f, 0.17f, 0.27f, 0.13f, 0.09f, 0.13f, 0.14f];
    private static readonly float[] FeeColumns = [0.34f, 0.2f, 0.46f];
    private static readonly ParagraphStyle CaptionStyle = new(14f, 28f, 0, Alignment.Center);
    private static readonly ParagraphStyle NoteStyle = new(DocumentComposer.BodySize, DocumentComposer.BodyLineHeight, 0, Alignment.Left);

    public void Add(Paginator paginator)
    {
        paginator.Space(DocumentComposer.BodyLineHeight);
        var caption = Lines("附表：服务项目及费用", bold: true, CaptionStyle);
        if (model.ValidFrom is { } from && model.ValidTo is { } to)
        {
            caption.AddRange(Lines($"协议有效期：{Formatting.ChineseDate(from)}至{Formatting.ChineseDate(to)}", bold: false, NoteStyle with { LineHeight = CaptionStyle.LineHeight }));
        }
        new TableLayout(ItemColumns, measurer).Add(
            paginator,
            ["序号", "服务类别", "服务项目", "频次", "单位", "单价（元）", "经费来源"],
            model.ServiceItems.Select((item, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                item.Category,
                item.Item,
                Text(item.Frequency),
                Text(item.Unit),
                Amount(item.UnitPrice),
                Text(item.Funding),
            ]),
            caption,
            CaptionStyle.LineHeight);
        if (model.ServiceItems.Count == 0)
        {
            Paragraph(paginator, "尚未约定服务项目。", bold: false, NoteStyle);
        }
        AddFees(paginator);
    }

    private void AddFees(Paginator paginator)
    {
        paginator.Space(DocumentComposer.BodyLineHeight / 2);
        // Totals per payer, never one sum (附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的范围以外支付).
        var rows = (model.Fees?.Lines ?? [])
            .Select(line => (IReadOnlyList<string>)[line.Label, Amount(line.Amount), line.Payer]).ToList();
        new TableLayout(FeeColumns, measurer).Add(
            paginator, ["费用项目", "年度金额（元）", "支付方及说明"], rows, Lines("费用汇总（按支付方）", bold: true, NoteStyle),
            NoteStyle.LineHeight);
    }

    private List<TextLine> Lines(string text, bool bold, ParagraphStyle style) =>
        ParagraphLayout.Lay([new Span(text, bold)], style, PageGeometry.ContentWidth, measurer);

    private void Paragraph(Paginator paginator, string text, bool bold, ParagraphStyle style) =>
        paginator.AddLines(
            ParagraphLayout.Lay([new Span(text, bold)], style, PageGeometry.ContentWidth, measurer),
            PageGeometry.MarginLeft,
            style.LineHeight);

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    private static string Amount(decimal? value) => value is { } v ? Formatting.Money(v) : "—";
}
