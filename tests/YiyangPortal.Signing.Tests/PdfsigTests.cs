using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Signing.Tests;

/// <summary>poppler's pdfsig, an independent verifier, on agreements sealed by both parties.</summary>
public class PdfsigTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Theory]
    [InlineData("consortium")]
    [InlineData("cooperation")]
    public async Task BothPartiesSealed_PdfsigReportsTwoValidSignatures_TheLastCoveringTheFile(string template)
    {
        var model = template == "consortium" ? SampleAgreements.SignedConsortium() : SampleAgreements.SignedProjectCooperation();
        var (_, _, both) = await fixture.SealBothAsync(model);

        var output = Pdfsig(ExternalTools.Artefact($"{template}-sealed.pdf", both));

        Assert.Contains("Signature #2", output);
        Assert.DoesNotContain("Signature #3", output);
        Assert.Equal(2, Count(output, "Signature is Valid."));
        Assert.Equal(2, Count(output, "ETSI.CAdES.detached"));
        Assert.Contains("Signer Certificate Common Name: 绍兴市越城区颐康养老院", output);
        Assert.Contains("Signer Certificate Common Name: 绍兴市越城区府山街道社区卫生服务中心", output);
        var (first, second) = Split(output);
        Assert.Contains("Not total document signed", first);
        Assert.Contains("Total document signed", second);
        Assert.DoesNotContain("Not total", second);
    }

    [Fact]
    public async Task OneByteChanged_PdfsigReportsTheSignatureInvalid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var tampered = (byte[])both.Clone();
        // A byte of the first page's content stream, inside both signatures' ranges.
        var at = Array.IndexOf(tampered, (byte)'s', 2000);
        tampered[at] ^= 0x01;

        var output = Pdfsig(ExternalTools.Artefact("consortium-tampered.pdf", tampered));

        Assert.DoesNotContain("Signature is Valid.", output);
        Assert.Equal(2, Count(output, "Digest Mismatch."));
    }

    private static string Pdfsig(string path)
    {
        var (_, output) = ExternalTools.Run("pdfsig", path);
        return output;
    }

    private static (string First, string Second) Split(string output)
    {
        var at = output.IndexOf("Signature #2", StringComparison.Ordinal);
        return (output[..at], output[at..]);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
