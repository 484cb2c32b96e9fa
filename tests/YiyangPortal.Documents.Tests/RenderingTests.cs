using System.Security.Cryptography;
using UglyToad.PdfPig;

namespace YiyangPortal.Documents.Tests;

/// <summary>Properties of the file a user downloads: pages, numbering, watermark, size, sameness.</summary>
public class RenderingTests
{
    [Fact]
    public void Render_SameModelTwice_GivesIdenticalBytes_EvenWithANewRenderer()
    {
        var model = SampleAgreements.SignedConsortium();

        var first = RenderedDocuments.Renderer.Render(model);
        using var other = new AgreementPdfRenderer();
        var second = other.Render(model);

        // Signed PDFs are stored and hashed; a re-render must not change the SHA-256.
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public void Render_ConcurrentCalls_GiveTheSameBytes()
    {
        var model = SampleAgreements.SignedProjectCooperation();
        var expected = RenderedDocuments.Renderer.Render(model);

        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = RenderedDocuments.Renderer.Render(model));

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void TypicalSignedAgreement_IsThreePages_UnderThreeHundredKilobytes()
    {
        var pdf = RenderedDocuments.Renderer.Render(SampleAgreements.SignedConsortium());

        Assert.Equal(3, RenderedDocuments.PageTexts(pdf).Count);
        Assert.True(pdf.Length <= 300 * 1024, $"{pdf.Length} bytes");
    }

    [Theory]
    [InlineData("consortium-signed")]
    [InlineData("project-cooperation-draft")]
    public void EveryPage_HasItsNumberOfTheTotal_AndTheDocumentNumber(string name)
    {
        var model = FidelityTests.Model(name);
        var pages = RenderedDocuments.PageTexts(RenderedDocuments.Renderer.Render(model));

        for (var i = 0; i < pages.Count; i++)
        {
            var text = RenderedDocuments.WithoutWhitespace(pages[i]);
            Assert.Contains($"第{i + 1}页共{pages.Count}页", text, StringComparison.Ordinal);
            Assert.Contains($"协议编号：{model.DocumentNumber}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Draft_CarriesTheWatermark_OnEveryPage()
    {
        var pages = RenderedDocuments.PageTexts(
            RenderedDocuments.Renderer.Render(SampleAgreements.Draft(AgreementTemplateKind.MedicalElderCareConsortium)));

        Assert.All(pages, page => Assert.Contains("草稿/未生效", RenderedDocuments.WithoutWhitespace(page), StringComparison.Ordinal));
    }

    [Fact]
    public void SignedAgreement_HasNoWatermark()
    {
        var pages = RenderedDocuments.PageTexts(RenderedDocuments.Renderer.Render(SampleAgreements.SignedConsortium()));

        Assert.All(pages, page => Assert.DoesNotContain("草稿", page, StringComparison.Ordinal));
    }

    [Fact]
    public void Draft_LeavesEmptyBlanksAsGaps_AndStillRenders()
    {
        var pdf = RenderedDocuments.Renderer.Render(SampleAgreements.Draft(AgreementTemplateKind.ProjectCooperation));
        var body = RenderedDocuments.WithoutWhitespace(RenderedDocuments.BodyText(pdf));

        // The medical party is not chosen yet: the label is followed directly by the next line.
        Assert.Contains("乙方（医疗卫生机构）：地址：", body, StringComparison.Ordinal);
        // Both bureaus are gaps: each blank is the whole XXX民政局 / XXX卫生健康委(局), filled with the bureau's own name.
        Assert.Contains("报、备案各一份", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("颐康养老院", null)]
    [InlineData("绍兴市越城区\n测试路 1 号", null)]
    [InlineData("颐康养老院😀", "😀")]
    [InlineData("\uE000", "\uE000")]
    [InlineData("甲\u0007乙", "\u0007")]
    public void Unprintable_NamesTheFirstCharacterTheFontsLack(string text, string? expected) =>
        Assert.Equal(expected, RenderedDocuments.Renderer.Unprintable(text));

    [Fact]
    public void CharacterOutsideTheFont_IsAnError_NamingTheCharacter()
    {
        var model = SampleAgreements.SignedConsortium() with
        {
            ElderCareParty = new AgreementParty("颐康养老院😀"),
        };

        var error = Assert.Throws<MissingGlyphException>(() => RenderedDocuments.Renderer.Render(model));

        Assert.Equal("😀", error.Character);
        Assert.Contains("U+1F600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_CarriesTheVerificationAddress_BesideItsQrCode()
    {
        var model = SampleAgreements.SignedConsortium();
        using var document = PdfDocument.Open(RenderedDocuments.Renderer.Render(model));
        var last = document.GetPage(document.NumberOfPages);

        Assert.Contains(model.VerificationUrl, last.Text, StringComparison.Ordinal);
        Assert.Equal($"养医联合体服务协议 {model.DocumentNumber}", document.Information.Title);
    }
}
