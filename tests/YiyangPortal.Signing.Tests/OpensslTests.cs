using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Signing.Tests;

/// <summary>openssl as a second independent verifier: the CMS of each signature, its time stamp, the CRL.</summary>
public class OpensslTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public async Task EachSignature_VerifiesWithOpensslCms_AgainstTheTenantRoot()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var root = Pem("tenant-root.pem", fixture.Tenant.RootCertificate);

        var signatures = SignedPdf.Signatures(both);

        Assert.Equal(2, signatures.Count);
        for (var i = 0; i < signatures.Count; i++)
        {
            var cms = ExternalTools.Artefact($"signature-{i + 1}.p7s", signatures[i].Cms);
            var content = ExternalTools.Artefact($"signature-{i + 1}.signed", signatures[i].SignedBytes);
            var (exit, output) = ExternalTools.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cms,
                "-content", content, "-CAfile", root, "-purpose", "any", "-out", "/dev/null");
            Assert.True(exit == 0, output);
            Assert.Contains("Verification successful", output);
        }
    }

    [Fact]
    public async Task EachSignature_CarriesSigningCertificateV2AndATimestamp_ThatOpensslAccepts()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var tsaRoot = Pem("tsa-root.pem", fixture.Timestamps.RootCertificate);

        foreach (var (signature, i) in SignedPdf.Signatures(both).Select((s, i) => (s, i)))
        {
            var cms = ExternalTools.Artefact($"signature-{i + 1}.p7s", signature.Cms);
            var (_, dump) = ExternalTools.Run("openssl", "asn1parse", "-inform", "DER", "-in", cms);
            Assert.Contains("id-smime-aa-signingCertificateV2", dump);
            Assert.Contains("id-smime-aa-timeStampToken", dump);
            Assert.Contains(":messageDigest", dump);
            Assert.DoesNotContain(":signingTime", dump.Split("id-smime-aa-timeStampToken")[0]);

            var signer = new CmsSignedData(signature.Cms).GetSignerInfos().GetSigners().Single();
            var token = signer.UnsignedAttributes![PkcsObjectIdentifiers.IdAASignatureTimeStampToken].AttrValues[0];
            var tokenPath = ExternalTools.Artefact($"timestamp-{i + 1}.tst", token.ToAsn1Object().GetEncoded(Asn1Encodable.Der));
            var digest = Convert.ToHexString(SHA256.HashData(signer.GetSignature()));
            var (exit, output) = ExternalTools.Run("openssl", "ts", "-verify", "-digest", digest, "-in", tokenPath, "-token_in",
                "-CAfile", tsaRoot);
            Assert.True(exit == 0, output);
            Assert.Contains("Verification: OK", output);
        }
    }

    [Fact]
    public async Task RevocationList_IsSignedByTheIssuingAuthority_AndNamesTheRevokedSeal()
    {
        var seal = fixture.Issue("绍兴市越城区测试吊销养老院", null);
        await fixture.Authority.RevokeAsync(seal.SealId, "测试");
        var crl = await fixture.Authority.CreateCrlAsync(fixture.Tenant.IssuingId, TimeSpan.FromDays(7));
        var crlPath = ExternalTools.Artefact("issuing.crl", crl);
        var chain = Pem("issuing-chain.pem", fixture.Tenant.IssuingCertificate, fixture.Tenant.RootCertificate);

        var (exit, output) = ExternalTools.Run("openssl", "crl", "-inform", "DER", "-in", crlPath, "-CAfile", chain, "-noout", "-text");

        Assert.True(exit == 0, output);
        Assert.Contains("verify OK", output);
        var serial = new Org.BouncyCastle.X509.X509Certificate(seal.Certificate).SerialNumber.ToString(16).ToUpperInvariant();
        Assert.Contains(serial.TrimStart('0'), output.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant());
    }

    private static string Pem(string name, params byte[][] certificates)
    {
        var text = string.Concat(certificates.Select(der =>
            "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n"));
        return ExternalTools.Artefact(name, System.Text.Encoding.ASCII.GetBytes(text));
    }
}
