using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Verification;

namespace YiyangPortal.Signing.Tests;

/// <summary>A tenant on 国密 (SM2/SM3): its own authority, seals and signatures, checked by the portal's verifier.</summary>
public class Sm2Tests(Sm2Tests.Sm2Fixture fixture) : IClassFixture<Sm2Tests.Sm2Fixture>
{
    public sealed class Sm2Fixture() : SealingFixture(SealAlgorithm.Sm2);

    [Fact]
    public async Task BothPartiesSealedWithSm2_OurVerifierFindsBothValid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        ExternalTools.Artefact("consortium-sealed-sm2.pdf", both);

        var report = new PdfSignatureVerifier(fixture.Clock).Verify(
            both, new VerificationTrust([fixture.Tenant.RootCertificate], null, [fixture.Timestamps.RootCertificate]));

        Assert.Equal("签章有效", report.Verdict.ToString());
        Assert.All(report.Signatures, s => Assert.Equal("SM2 / SM3（国密）", s.Algorithm));
        Assert.Contains("签章使用国密算法（SM2/SM3），通用 PDF 阅读器无法验证，以本平台的验证结果为准。", report.Lines);
    }

    [Fact]
    public async Task Sm2Signature_CarriesTheGuomiAlgorithmIdentifiers()
    {
        var (_, first, _) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var cms = ExternalTools.Artefact("signature-sm2.p7s", SignedPdf.Signatures(first)[0].Cms);

        var (_, dump) = ExternalTools.Run("openssl", "asn1parse", "-inform", "DER", "-in", cms);

        Assert.Contains("1.2.156.10197.1.501", dump.Replace("SM2-with-SM3", "1.2.156.10197.1.501", StringComparison.Ordinal));
        Assert.Contains(":sm3", dump);
    }

    [Fact]
    public async Task Sm2Tampered_OurVerifierSaysInvalid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        both[Array.IndexOf(both, (byte)'s', 2000)] ^= 0x01;

        var report = new PdfSignatureVerifier(fixture.Clock).Verify(both, new VerificationTrust([fixture.Tenant.RootCertificate]));

        Assert.All(report.Signatures, s => Assert.False(s.IntegrityValid));
    }
}
