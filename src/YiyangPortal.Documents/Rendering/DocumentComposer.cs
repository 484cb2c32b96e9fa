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

    /// <summary>A seal's diameter: 38 mm, a little smaller than a paper 公章 (40–42 mm) so it fits the column.</summary>
    public const float SealSize = 108f;

    private readonly Paginator _paginator = new();

    /// <summary>Where the signature columns were placed (top-left coordinates), once <see cref="Compose"/> ran.</summary>
    public LaidOutSignatures? Signatures { get; private set; }

    public IReadOnlyList<IReadOnlyList<DrawOp>> Compose()
    {
        var template = TemplateText.For(model.Template);
        if (model.Supplement is { } supplement)
        {
            AddSupplement(template, supplement);
            AddSignatures(template);
            new VerificationSection(model, measurer).Add(_paginator);
            return _paginator.Pages;
        }

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
        AddAdditionalClauses();
        new ScheduleSection(model, measurer).Add(_paginator);
        AddSignatures(template);
        new VerificationSection(model, measurer).Add(_paginator);
        return _paginator.Pages;
    }

    /// <summary>
    /// 补充协议 (2020 guide 九(二)): its own title, the original named by title, number and date, only what changes,
    /// and that it is part of the original and ends with it. The bureaus are those of the original (一式四份).
    /// </summary>
    private void AddSupplement(TemplateText template, SupplementDocument supplement)
    {
        var title = template.Blocks.First(b => b.Kind == TemplateBlockKind.Title);
        AddParagraph([new Span($"《{supplement.OriginalTitle}》补充协议", true)], TitleStyle);
        _paginator.Space(BodyLineHeight / 2);
        foreach (var line in template.Blocks.SkipWhile(b => b != title).Skip(1).TakeWhile(b => b.Kind == TemplateBlockKind.Line))
        {
            AddParagraph(Spans(line, bold: false), LineStyle);
        }

        AddParagraph(
            [new Span($"甲乙双方于{Formatting.ChineseDate(supplement.OriginalSignedOn)}签订《{supplement.OriginalTitle}》（协议编号：" +
                      $"{supplement.OriginalNumber}，以下简称原协议）。经双方协商一致，对原协议作如下补充和变更：", false)],
            BodyStyle);
        var numbers = "一二三四五六七八九十";
        var index = 0;
        foreach (var change in supplement.Changes)
        {
            var number = index < numbers.Length ? numbers[index].ToString() : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            AddParagraph([new Span($"{number}、{change}", false)], BodyStyle);
            index++;
        }

        var civil = BlankValues.Resolve(model, "CivilAffairsBureau");
        var health = BlankValues.Resolve(model, "HealthBureau");
        AddParagraph(
            [new Span("本补充协议是原协议不可分割的组成部分，与原协议具有同等效力；本补充协议未变更的内容，仍按原协议执行。" +
                      "本补充协议的有效期与原协议一致，原协议到期或终止时，本补充协议同时终止。", false)],
            BodyStyle);
        AddParagraph(
            [new Span($"本补充协议自双方签署之日起生效（原协议尚未生效的，自原协议生效之日起生效），一式四份，甲乙双方各执一份，报{civil ?? "____"}、{health ?? "____"}各一份。", false)],
            BodyStyle);
    }

    /// <summary>附加条款 (2020 guide 七、八) the parties chose, after the template text and before the schedule.</summary>
    private void AddAdditionalClauses()
    {
        var paragraphs = AdditionalClauses.Paragraphs(model);
        if (paragraphs.Count == 0)
        {
            return;
        }

        _paginator.Space(BodyLineHeight / 2);
        AddParagraph([new Span(AdditionalClauses.Heading, true)], TitleStyle with { Size = 14f, LineHeight = 28f });
        AddParagraph([new Span(AdditionalClauses.Preamble, false)], BodyStyle);
        foreach (var paragraph in paragraphs)
        {
            AddParagraph([new Span(paragraph, false)], BodyStyle);
        }
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
        var (elderCare, elderCareSeal) = SignatureColumn(template, TemplateBlockKind.ElderCareSignature, model.ElderCareSignature, columnWidth);
        var (medical, medicalSeal) = SignatureColumn(template, TemplateBlockKind.MedicalSignature, model.MedicalSignature, columnWidth);
        var elderCareCaption = CaptionLines(model.ElderCareSignature);
        var medicalCaption = CaptionLines(model.MedicalSignature);
        var height = Math.Max(elderCare.Count + elderCareCaption, medical.Count + medicalCaption) * BodyLineHeight;
        var medicalLeft = PageGeometry.MarginLeft + columnWidth + gutter;
        _paginator.Space(BodyLineHeight * 1.5f);
        _paginator.AddKeptTogether(height, top =>
        {
            var page = _paginator.Pages.Count - 1;
            Signatures = new LaidOutSignatures(
                Place(page, PageGeometry.MarginLeft, top, columnWidth, height, elderCareSeal, (elderCare.Count, elderCareCaption)),
                Place(page, medicalLeft, top, columnWidth, height, medicalSeal, (medical.Count, medicalCaption)));
            return Column(elderCare, PageGeometry.MarginLeft, top).Concat(Column(medical, medicalLeft, top));
        });
    }

    // The text both parties seal (not a draft, nobody signed yet) keeps room under each party's lines for what its
    // seal's appearance will show: who signed, in which capacity, and when (issue 10, issue 14). The sealed text
    // stays the same for both parties; the signing facts arrive with each seal.
    private int CaptionLines(PartySignature? signature) => signature is null && !model.IsDraft ? SignerCaptionLines : 0;

    /// <summary>Lines kept free under a party's signature lines for its seal's signer text.</summary>
    public const int SignerCaptionLines = 3;

    // The seal square is centred vertically on the seal line and horizontally a radius in from the column's left
    // edge (the line's text, e.g. (签章)(盖章), starts there).
    private static LaidOutBlock Place(
        int page, float left, float top, float width, float height, (int Line, float TextWidth) seal, (int From, int Count) caption)
    {
        var centreY = top + ((seal.Line + 0.5f) * BodyLineHeight);
        var centreX = left + Math.Max(SealSize / 2, seal.TextWidth / 2);
        return new LaidOutBlock(
            page, left, top, width, height, centreX - (SealSize / 2), centreY - (SealSize / 2), SealSize,
            top + (caption.From * BodyLineHeight), caption.Count * BodyLineHeight);
    }

    private (List<TextLine> Lines, (int Line, float TextWidth) Seal) SignatureColumn(
        TemplateText template, TemplateBlockKind kind, PartySignature? signature, float width)
    {
        var style = LineStyle with { Alignment = Alignment.Left };
        var lines = new List<TextLine>();
        (int Line, float TextWidth)? seal = null;
        foreach (var block in template.Blocks.Where(b => b.Kind == kind))
        {
            var laid = ParagraphLayout.Lay(Spans(block, bold: false), style, width, measurer);
            if (seal is null && block.Pieces.OfType<TextPiece>().Any(p => p.Text.Contains('章', StringComparison.Ordinal)))
            {
                seal = (lines.Count, laid.Count > 0 ? laid[0].Width : 0);
            }
            lines.AddRange(laid);
        }

        // Below the template's own lines: who signed in which capacity, and when (Beijing time), as recorded.
        if (signature is not null)
        {
            var who = string.IsNullOrWhiteSpace(signature.SignerTitle)
                ? signature.SignerName
                : $"{signature.SignerName}（{signature.SignerTitle}）";
            lines.AddRange(ParagraphLayout.Lay([new Span($"电子签署：{who}", false)], style, width, measurer));
            lines.AddRange(ParagraphLayout.Lay([new Span($"签署时间：{Formatting.ChineseDateTime(signature.SignedAt)}", false)], style, width, measurer));
        }

        return (lines, seal ?? (0, 0));
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

/// <summary>A signature column and its seal square on a page, in layout coordinates (points from the top-left).</summary>
internal sealed record LaidOutBlock(
    int Page, float Left, float Top, float Width, float Height, float SealLeft, float SealTop, float SealSize, float CaptionTop, float CaptionHeight);

internal sealed record LaidOutSignatures(LaidOutBlock ElderCare, LaidOutBlock Medical);
