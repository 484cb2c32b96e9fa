using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Signing.Tests;

/// <summary>poppler's pdfsig, an independent verifier, on an agreement sealed by both parties.</summary>
public class PdfsigTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public async Task BothPartiesSealed_PdfsigReportsTwoValidSignatures_TheLastCoveringTheFile()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var path = ExternalTools.Artefact("consortium-sealed.pdf", both);

        var (_, output) = ExternalTools.Run("pdfsig", path);

        Assert.Contains("Signature #1", output);
        Assert.Contains("Signature #2", output);
        Assert.DoesNotContain("Signature #3", output);
        Assert.Equal(2, Count(output, "Signature is Valid."));
        Assert.Contains("ETSI.CAdES.detached", output);
        var second = output[output.IndexOf("Signature #2", StringComparison.Ordinal)..];
        Assert.Contains("Total document signed", second);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
