using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Verification;

namespace YiyangPortal.Signing.Tests;

/// <summary>A tenant on RSA-3072: pdfsig and the portal's verifier both accept its seals.</summary>
public class RsaTests(RsaTests.RsaFixture fixture) : IClassFixture<RsaTests.RsaFixture>
{
    public sealed class RsaFixture() : SealingFixture(SealAlgorithm.Rsa3072);

    [Fact]
    public async Task BothPartiesSealedWithRsa_PdfsigAndOurVerifierFindBothValid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var path = ExternalTools.Artefact("consortium-sealed-rsa.pdf", both);

        var (_, output) = ExternalTools.Run("pdfsig", path);
        var report = new PdfSignatureVerifier(fixture.Clock).Verify(
            both, new VerificationTrust([fixture.Tenant.RootCertificate], null, [fixture.Timestamps.RootCertificate]));

        Assert.Equal(2, output.Split("Signature is Valid.").Length - 1);
        Assert.Equal("签章有效", report.Verdict.ToString());
        Assert.All(report.Signatures, s => Assert.Equal("RSA-3072 / SHA-256", s.Algorithm));
    }
}
