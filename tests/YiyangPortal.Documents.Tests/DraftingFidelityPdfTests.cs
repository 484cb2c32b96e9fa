namespace YiyangPortal.Documents.Tests;

/// <summary>
/// Issue 11 in the PDF, read back with PdfPig (ADR 026): clause 一 names the 医疗服务站点 the agreement stands on,
/// right where it says 建立医疗服务站点, and the official sentences around it stay whole.
/// </summary>
public class DraftingFidelityPdfTests
{
    [Theory]
    [InlineData(ClinicSite.ExtendedClinicRoom, "本协议的医疗服务站点为乙方在甲方延伸设置的医务室。")]
    [InlineData(ClinicSite.InternalMedicalInstitution, "本协议的医疗服务站点设在甲方内设医疗机构。")]
    public void ClauseOne_NamesTheChosenSite_WhereItNamesTheServicePoint_Template1一(ClinicSite site, string sentence)
    {
        var body = Body(SampleAgreements.SignedConsortium() with { ClinicSite = site });

        Assert.Contains(
            "一、建立医疗服务站点。" + sentence + "甲方内设医疗机构或乙方延伸设置医务室的，甲方提供固定服务场地",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftWithoutASite_PrintsTheOfficialClauseOnly()
    {
        var body = Body(SampleAgreements.Draft(AgreementTemplateKind.MedicalElderCareConsortium));

        Assert.Contains("一、建立医疗服务站点。甲方内设医疗机构或乙方延伸设置医务室的", body, StringComparison.Ordinal);
        Assert.DoesNotContain("本协议的医疗服务站点", body, StringComparison.Ordinal);
    }

    private static string Body(AgreementDocumentModel model) =>
        RenderedDocuments.WithoutWhitespace(RenderedDocuments.BodyText(RenderedDocuments.Renderer.Render(model)));
}
