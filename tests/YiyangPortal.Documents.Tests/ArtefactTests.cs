namespace YiyangPortal.Documents.Tests;

/// <summary>Keeps rendered agreements under .local/documents for people to look at.</summary>
public class ArtefactTests
{
    [Theory]
    [InlineData("consortium-signed")]
    [InlineData("project-cooperation-signed")]
    [InlineData("consortium-draft")]
    [InlineData("project-cooperation-draft")]
    public void Render_SampleAgreement_WritesPdfArtefact(string name)
    {
        var model = name switch
        {
            "consortium-signed" => SampleAgreements.SignedConsortium(),
            "project-cooperation-signed" => SampleAgreements.SignedProjectCooperation(),
            "consortium-draft" => SampleAgreements.Draft(AgreementTemplateKind.MedicalElderCareConsortium),
            _ => SampleAgreements.Draft(AgreementTemplateKind.ProjectCooperation),
        };

        var path = RenderedDocuments.KeepArtefact(name, RenderedDocuments.Renderer.Render(model));

        Assert.True(new FileInfo(path).Length > 0);
    }
}
