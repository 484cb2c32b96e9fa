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
        var model = FidelityTests.Model(name);

        var path = RenderedDocuments.KeepArtefact(name, RenderedDocuments.Renderer.Render(model));

        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public void Render_ConsortiumWithSiteAndAdditionalClauses_WritesPdfArtefact()
    {
        var model = SampleAgreements.SignedConsortium() with { DisputeResolutionClause = true, ConfidentialityClause = true };

        var path = RenderedDocuments.KeepArtefact("consortium-annex", RenderedDocuments.Renderer.Render(model));

        Assert.True(new FileInfo(path).Length > 0);
    }
}
