using SkiaSharp;
using UglyToad.PdfPig;
using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Crypto;

namespace YiyangPortal.Signing.Tests;

/// <summary>The sealed agreement as a reader sees it: the same text, the seals in the signature blocks.</summary>
public class SealedDocumentTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public async Task Sealed_TextExtractsAsBefore()
    {
        var (rendered, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());

        Assert.Equal(Texts(rendered.Pdf), Texts(both));
    }

    [Fact]
    public async Task Sealed_FormHasTwoSignatureWidgetsOnTheSignaturePage()
    {
        var (rendered, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedProjectCooperation());

        using var document = PdfDocument.Open(both);
        Assert.True(document.TryGetForm(out var form));
        Assert.Equal(2, form.Fields.Count);
        var page = document.GetPage(rendered.Medical.PageIndex + 1);
        Assert.Equal(2, page.GetAnnotations().Count());
    }

    [Fact]
    public async Task Sealed_SealsArePrintedInEachPartysSignatureBlock()
    {
        var (rendered, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var path = ExternalTools.Artefact("consortium-sealed-look.pdf", both);
        var page = rendered.ElderCare.PageIndex + 1;
        var prefix = Path.Combine(ExternalTools.ArtefactDirectory, "consortium-sealed-look");

        var (exit, output) = ExternalTools.Run("pdftoppm", "-png", "-r", "80", "-f", $"{page}", "-l", $"{page}", "-singlefile", path, prefix);

        Assert.True(exit == 0, output);
        using var bitmap = SKBitmap.Decode(prefix + ".png");
        const float scale = 80f / 72f;
        foreach (var block in new[] { rendered.ElderCare, rendered.Medical })
        {
            var seal = block.Seal;
            var red = 0;
            for (var x = seal.Left; x < seal.Right; x += 2)
            {
                for (var y = 842 - seal.Top; y < 842 - seal.Bottom; y += 2)
                {
                    var pixel = bitmap.GetPixel((int)(x * scale), (int)(y * scale));
                    red += pixel.Red > 180 && pixel.Green < 90 ? 1 : 0;
                }
            }
            Assert.True(red > 200, $"only {red} red samples in the seal square of page {page}");
        }
    }

    [Fact]
    public async Task SameInputSameClock_SameBytes()
    {
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());

        var once = await fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered));
        var again = await fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered));

        Assert.Equal(SealAlgorithm.EcdsaP256, fixture.Algorithm);
        Assert.Equal(once, again);
    }

    private static List<string> Texts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }
}
