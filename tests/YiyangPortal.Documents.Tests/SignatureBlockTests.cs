using UglyToad.PdfPig;

namespace YiyangPortal.Documents.Tests;

/// <summary>Where each party's signature block is, for placing its seal (issue 14).</summary>
public class SignatureBlockTests
{
    [Fact]
    public void RenderWithLayout_GivesTheSameBytesAsRender()
    {
        var model = SampleAgreements.SignedConsortium();

        Assert.Equal(RenderedDocuments.Renderer.Render(model), RenderedDocuments.Renderer.RenderWithLayout(model).Pdf);
    }

    [Theory]
    [InlineData(AgreementTemplateKind.MedicalElderCareConsortium, "甲方：", "乙方：")]
    [InlineData(AgreementTemplateKind.ProjectCooperation, "甲方代表签字", "乙方代表签字")]
    public void SealSquares_SitOnEachPartysSealLine_InsideItsColumn(AgreementTemplateKind template, string elderCareStart, string medicalStart)
    {
        var model = template == AgreementTemplateKind.MedicalElderCareConsortium
            ? SampleAgreements.SignedConsortium()
            : SampleAgreements.SignedProjectCooperation();

        var rendered = RenderedDocuments.Renderer.RenderWithLayout(model);

        using var document = PdfDocument.Open(rendered.Pdf);
        foreach (var (block, start) in new[] { (rendered.ElderCare, elderCareStart), (rendered.Medical, medicalStart) })
        {
            var page = document.GetPage(block.PageIndex + 1);
            var letters = page.Letters.Where(l => Inside(block.Column, l.StartBaseLine.X, l.StartBaseLine.Y)).ToList();
            var text = string.Concat(letters.Select(l => l.Value));
            Assert.StartsWith(start, text);
            // The seal line holds 章 (签章/盖章/公章); the seal square is centred on it vertically.
            var seal = letters.First(l => l.Value == "章");
            var lineMiddle = seal.StartBaseLine.Y + (0.38 * seal.PointSize);
            Assert.InRange((block.Seal.Bottom + block.Seal.Top) / 2, lineMiddle - 6, lineMiddle + 6);
            Assert.InRange(block.Seal.Left, block.Column.Left - 0.01f, block.Column.Right);
            Assert.True(block.Seal.Right <= block.Column.Right, "the seal stays in its column");
            Assert.Equal(block.Seal.Width, block.Seal.Height);
        }
        Assert.Equal(rendered.ElderCare.PageIndex, rendered.Medical.PageIndex);
        Assert.True(rendered.ElderCare.Column.Right < rendered.Medical.Column.Left);
    }

    private static bool Inside(PdfBox box, double x, double y) =>
        x >= box.Left - 0.5 && x <= box.Right + 0.5 && y >= box.Bottom - 0.5 && y <= box.Top + 0.5;
}
