using YiyangPortal.Documents.Templates;

namespace YiyangPortal.Documents.Tests;

/// <summary>The stored template text is the official text: nothing paraphrased, dropped or reordered.</summary>
public class TemplateTextTests
{
    [Theory]
    [InlineData(AgreementTemplateKind.MedicalElderCareConsortium)]
    [InlineData(AgreementTemplateKind.ProjectCooperation)]
    public void TemplateWithBlankMarkers_EqualsOfficialSection_CharacterByCharacter(AgreementTemplateKind template)
    {
        var stored = RenderedDocuments.WithoutWhitespace(TemplateText.For(template).WithMarkers());

        var official = OfficialText.Compact(template);

        Assert.Equal(official, stored);
    }

    [Theory]
    [InlineData(AgreementTemplateKind.MedicalElderCareConsortium, "养医联合体服务协议")]
    [InlineData(AgreementTemplateKind.ProjectCooperation, "医养结合项目服务合作协议")]
    public void Title_IsTheOfficialTitle_WithoutReferenceTemplateWords(AgreementTemplateKind template, string title)
    {
        Assert.Equal(title, TemplateText.For(template).Title);
        Assert.DoesNotContain("参考模板", TemplateText.For(template).WithMarkers(), StringComparison.Ordinal);
    }
}
