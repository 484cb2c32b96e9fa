using System.Text;
using SkiaSharp;
using YiyangPortal.Documents.Fonts;
using YiyangPortal.Documents.Layout;
using YiyangPortal.Documents.Rendering;
using YiyangPortal.Documents.Templates;

namespace YiyangPortal.Documents;

/// <summary>
/// Renders an agreement to PDF bytes. Thread-safe and meant to live as a singleton: the font files are read once,
/// glyphs are converted to TrueType once, and the fonts of the last few character sets are kept; each call lays out,
/// builds (or reuses) fonts holding just the document's characters and paints. The same model always gives the same
/// bytes (signed PDFs are hashed), whatever was rendered before.
/// </summary>
public sealed class AgreementPdfRenderer : IDisposable
{
    private readonly AgreementPdfOptions _options;
    private readonly FontFile _regular;
    private readonly FontFile _bold;
    private readonly DocumentFontCache _fonts;

    public AgreementPdfRenderer(AgreementPdfOptions? options = null)
    {
        _options = options ?? new AgreementPdfOptions();
        _regular = new FontFile(_options.RegularFontPath, _options.FaceIndex);
        try
        {
            _bold = new FontFile(_options.BoldFontPath, _options.FaceIndex);
        }
        catch
        {
            _regular.Dispose();
            throw;
        }
        _fonts = new DocumentFontCache(_regular, _bold);
    }

    /// <summary>
    /// The first character of <paramref name="text"/> that the agreement's fonts cannot print (it would make
    /// <see cref="Render"/> throw <see cref="MissingGlyphException"/>), or null: what the forms whose text reaches a
    /// document check before they save it. Spaces and line breaks are laid out, not printed.
    /// </summary>
    public string? Unprintable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && (Rune.IsControl(rune) || !_regular.Covers(rune) || !_bold.Covers(rune)))
            {
                return rune.ToString();
            }
        }
        return null;
    }

    /// <exception cref="MissingGlyphException">The model holds a character the font cannot print.</exception>
    public byte[] Render(AgreementDocumentModel model) => RenderWithLayout(model).Pdf;

    /// <summary>
    /// Renders the agreement (the same bytes as <see cref="Render"/>) and tells where each party's signature block
    /// is, so each party's seal can be placed in its own block (issue 14).
    /// </summary>
    /// <exception cref="MissingGlyphException">The model holds a character the font cannot print.</exception>
    public RenderedAgreement RenderWithLayout(AgreementDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = TemplateText.For(model.Template).Title;
        IReadOnlyList<IReadOnlyList<DrawOp>> pages;
        LaidOutSignatures signatures;
        using (var measurer = new TextMeasurer(_regular.Typeface, _bold.Typeface))
        {
            var composer = new DocumentComposer(model, measurer);
            pages = composer.Compose();
            signatures = composer.Signatures ?? throw new InvalidOperationException("The signature block was not laid out.");
        }
        var painter = new PagePainter(model, title);
        var (regularText, boldText) = painter.Characters(pages);
        var fonts = _fonts.Get(regularText, boldText);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, Metadata(model, title)))
        {
            painter.Paint(document, pages, fonts);
            document.Close();
        }
        return new RenderedAgreement(output.ToArray(), ToPdf(signatures.ElderCare), ToPdf(signatures.Medical));
    }

    /// <summary>
    /// Renders an audit certificate (issue 14's evidence package) with the agreement's fonts, header and page numbers.
    /// </summary>
    /// <exception cref="MissingGlyphException">The model holds a character the font cannot print.</exception>
    public byte[] RenderAuditCertificate(AuditCertificateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<IReadOnlyList<DrawOp>> pages;
        using (var measurer = new TextMeasurer(_regular.Typeface, _bold.Typeface))
        {
            pages = new AuditCertificateComposer(model, measurer).Compose();
        }

        return RenderFramed(pages, model.DocumentNumber, model.Title, new SKDocumentPdfMetadata { Title = model.Title, Creator = _options.Producer, Producer = _options.Producer });
    }

    /// <summary>
    /// Renders a 履约情况报告 (issue 15) with the agreement's fonts, header and page numbers. The same model gives the
    /// same bytes: the PDF's dates are the report's generation day.
    /// </summary>
    /// <exception cref="MissingGlyphException">The model holds a character the font cannot print.</exception>
    public byte[] RenderFulfilmentReport(FulfilmentReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<IReadOnlyList<DrawOp>> pages;
        using (var measurer = new TextMeasurer(_regular.Typeface, _bold.Typeface))
        {
            pages = new ReportComposer(model, measurer).Compose();
        }

        var date = new DateTimeOffset(model.GeneratedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        return RenderFramed(pages, model.DocumentNumber, model.Title, new SKDocumentPdfMetadata
        {
            Title = $"{model.Title} {model.DocumentNumber}",
            Creator = _options.Producer,
            Producer = _options.Producer,
            Creation = date,
            Modified = date,
        });
    }

    // Pages laid out by another composer, painted in the agreement's page frame (header with the document number,
    // 第 x 页 共 n 页), never as a draft.
    private byte[] RenderFramed(IReadOnlyList<IReadOnlyList<DrawOp>> pages, string documentNumber, string title, SKDocumentPdfMetadata metadata)
    {
        var frame = new AgreementDocumentModel
        {
            Template = AgreementTemplateKind.MedicalElderCareConsortium,
            DocumentNumber = documentNumber,
            IsDraft = false,
            VerificationUrl = string.Empty,
            ElderCareParty = new AgreementParty(string.Empty, string.Empty, null),
            MedicalParty = new AgreementParty(string.Empty, string.Empty, null),
        };
        var painter = new PagePainter(frame, title);
        var (regularText, boldText) = painter.Characters(pages);
        var fonts = _fonts.Get(regularText, boldText);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            painter.Paint(document, pages, fonts);
            document.Close();
        }

        return output.ToArray();
    }

    // Skia writes the page as MediaBox [0 0 595 842] (whole points) and flips y with "1 0 0 -1 0 842 cm", so user
    // space y is that rounded height minus the layout's distance from the top.
    private static SignatureBlock ToPdf(LaidOutBlock block)
    {
        var height = MathF.Round(PageGeometry.Height);
        return new SignatureBlock(
            block.Page,
            new PdfBox(block.Left, height - block.Top - block.Height, block.Left + block.Width, height - block.Top),
            new PdfBox(block.SealLeft, height - block.SealTop - block.SealSize, block.SealLeft + block.SealSize, height - block.SealTop),
            block.CaptionHeight > 0
                ? new PdfBox(block.Left, height - block.CaptionTop - block.CaptionHeight, block.Left + block.Width, height - block.CaptionTop)
                : default);
    }

    // Fixed metadata: the dates come from the model (the last signature, else a constant), so rendering the same
    // agreement twice gives the same bytes.
    private SKDocumentPdfMetadata Metadata(AgreementDocumentModel model, string title)
    {
        var signedAt = new[] { model.ElderCareSignature?.SignedAt, model.MedicalSignature?.SignedAt }.Max();
        var date = (signedAt ?? new DateTimeOffset(2024, 2, 19, 0, 0, 0, TimeSpan.FromHours(8))).UtcDateTime;
        return new SKDocumentPdfMetadata
        {
            Title = $"{title} {model.DocumentNumber}",
            Creator = _options.Producer,
            Producer = _options.Producer,
            Creation = date,
            Modified = date,
        };
    }

    public void Dispose()
    {
        _fonts.Dispose();
        _regular.Dispose();
        _bold.Dispose();
    }
}
