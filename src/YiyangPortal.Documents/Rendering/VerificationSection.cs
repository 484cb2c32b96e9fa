using QRCoder;
using YiyangPortal.Documents.Layout;

namespace YiyangPortal.Documents.Rendering;

/// <summary>The QR code of the public verification address, with the address and document number beside it.</summary>
internal sealed class VerificationSection(AgreementDocumentModel model, TextMeasurer measurer)
{
    private const float QrSize = 84f;
    private const float Gap = 12f;
    private const float LineHeight = 16f;

    private static readonly ParagraphStyle TextStyle = new(10.5f, LineHeight, 0, Alignment.Left);

    public void Add(Paginator paginator)
    {
        var modules = Modules(model.VerificationUrl);
        var textWidth = PageGeometry.ContentWidth - QrSize - Gap;
        var lines = new List<TextLine>();
        foreach (var text in new[] { "扫描二维码或访问以下地址核验本协议：", model.VerificationUrl, $"协议编号：{model.DocumentNumber}" })
        {
            lines.AddRange(ParagraphLayout.Lay([new Span(text)], TextStyle, textWidth, measurer));
        }
        var height = Math.Max(QrSize, lines.Count * LineHeight);
        paginator.Space(DocumentComposer.BodyLineHeight);
        paginator.AddKeptTogether(height, top => Draw(modules, lines, top));
    }

    private static IEnumerable<DrawOp> Draw(IReadOnlyList<bool[]> modules, List<TextLine> lines, float top)
    {
        yield return new QrOp(PageGeometry.MarginLeft, top, QrSize, modules);
        var textTop = top + Math.Max(0, (QrSize - (lines.Count * LineHeight)) / 2);
        foreach (var line in lines)
        {
            yield return Paginator.LineAt(line, PageGeometry.MarginLeft + QrSize + Gap, textTop, LineHeight);
            textTop += LineHeight;
        }
    }

    private static List<bool[]> Modules(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToList();
    }
}
