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

    [Fact]
    public void ChosenAdditionalClauses_ArePrintedAfterTheTemplateText_InTheGuidesWording_Guide2020七八()
    {
        var body = Body(SampleAgreements.SignedConsortium() with { DisputeResolutionClause = true, ConfidentialityClause = true });

        var lastTemplateSentence = body.IndexOf("具有同等效力。本协议有效期为", StringComparison.Ordinal);
        var annex = body.IndexOf("附加条款依据《医疗卫生机构与养老服务机构签约合作服务指南（试行）》（国卫办老龄发〔2020〕23号）七、八", StringComparison.Ordinal);
        var dispute = body.IndexOf(
            "一、争议解决。诊疗过程中若发生医疗损害或纠纷，甲方协助乙方与老年人及其亲属协商沟通解决，如不能协商解决，由乙方按照相关法律、法规规定处理。" +
            "本协议履行过程中发生的纠纷，甲乙双方应当遵循已有的法律规定协商解决。如双方协商不成，可以向所在地有管辖权的人民法院提起诉讼。",
            StringComparison.Ordinal);
        var secrets = body.IndexOf(
            "二、保密条款。（一）甲乙双方对在本协议履行过程中获知的对方相关商业信息秘密、技术信息秘密、老年人个人信息等均负有保密义务，" +
            "除法律法规另有规定外，未经对方许可，任何一方在任何时候均不得向第三方披露。违反本条规定的一方依法赔偿给对方造成的直接和间接损失。" +
            "（二）本协议终止后，甲乙双方仍需履行本条款的保密义务。",
            StringComparison.Ordinal);
        var schedule = body.IndexOf("附表：服务项目及费用", StringComparison.Ordinal);

        Assert.True(lastTemplateSentence >= 0 && annex > lastTemplateSentence, "附加条款 after the template text");
        Assert.True(dispute > annex && secrets > dispute && schedule > secrets, "争议解决, then 保密条款, then the schedule");
    }

    [Fact]
    public void OnlyConfidentiality_IsNumberedOne_AndNoDisputeClauseIsPrinted_Guide2020八()
    {
        var body = Body(SampleAgreements.SignedProjectCooperation() with { ConfidentialityClause = true });

        Assert.Contains("一、保密条款。（一）甲乙双方", body, StringComparison.Ordinal);
        Assert.DoesNotContain("争议解决", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FidelityTests.Agreements), MemberType = typeof(FidelityTests))]
    public void WithoutAdditionalClauses_NothingIsAdded(string name)
    {
        var body = Body(FidelityTests.Model(name));

        Assert.DoesNotContain("附加条款", body, StringComparison.Ordinal);
    }

    private static string Body(AgreementDocumentModel model) =>
        RenderedDocuments.WithoutWhitespace(RenderedDocuments.BodyText(RenderedDocuments.Renderer.Render(model)));
}
