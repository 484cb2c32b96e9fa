using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Signing.Tests;

/// <summary>The tenant's certificate authority: certificates, key custody.</summary>
public class AuthorityTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public void InstitutionCertificate_NamesTheInstitutionAndItsCreditCode_ForSigningOnly()
    {
        var certificate = new X509Certificate(fixture.ElderCareSeal.Certificate);

        Assert.Equal(["绍兴市越城区颐康养老院"], certificate.SubjectDN.GetValueList(X509Name.O));
        Assert.Equal(["NTRCN-91330602MA2BD6XK1B"], certificate.SubjectDN.GetValueList(new DerObjectIdentifier("2.5.4.97")));
        Assert.Equal(-1, certificate.GetBasicConstraints());
        var usage = certificate.GetKeyUsage();
        Assert.True(usage[0] && usage[1], "digitalSignature and nonRepudiation");
        Assert.False(usage[5], "no keyCertSign");
        Assert.Contains(fixture.IssuingCrlUrl, Encoding.ASCII.GetString(certificate.GetExtensionValue(X509Extensions.CrlDistributionPoints).GetOctets()));
        Assert.NotNull(certificate.GetExtensionValue(X509Extensions.AuthorityKeyIdentifier));
        Assert.NotNull(certificate.GetExtensionValue(X509Extensions.SubjectKeyIdentifier));
        certificate.Verify(new X509Certificate(fixture.Tenant.IssuingCertificate).GetPublicKey());
    }

    [Fact]
    public void Authorities_RootSelfSigned_IssuingLimitedToEndEntities()
    {
        var root = new X509Certificate(fixture.Tenant.RootCertificate);
        var issuing = new X509Certificate(fixture.Tenant.IssuingCertificate);

        root.Verify(root.GetPublicKey());
        issuing.Verify(root.GetPublicKey());
        Assert.Equal(int.MaxValue, root.GetBasicConstraints());
        Assert.Equal(0, issuing.GetBasicConstraints());
        Assert.Contains("绍兴市", root.SubjectDN.ToString());
        Assert.True(root.GetKeyUsage()[5] && root.GetKeyUsage()[6], "keyCertSign and cRLSign");
    }

    [Fact]
    public async Task StoredKeys_AreEncrypted_AndBoundToTheirRecord()
    {
        var stored = (await fixture.Store.FindAsync(fixture.ElderCareSeal.SealId))!;
        var other = (await fixture.Store.FindAsync(fixture.MedicalSeal.SealId))!;
        var foreignKey = new SealKeyProtector(SealKeyProtector.NewMasterKey());

        Assert.Equal(1, stored.EncryptedPrivateKey[0]);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => foreignKey.Unprotect(stored.Id, stored.EncryptedPrivateKey));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => fixture.Protector.Unprotect(other.Id, stored.EncryptedPrivateKey));
        Assert.NotNull(fixture.Protector.Unprotect(stored.Id, stored.EncryptedPrivateKey));
    }

    [Fact]
    public async Task KeyProvider_GivesTheChainUpToTheRoot_AndSignsDigests()
    {
        var certificate = await fixture.Keys.GetCertificateAsync(fixture.ElderCareSeal.SealId);

        Assert.Equal(3, certificate.Chain.Count);
        Assert.Equal(fixture.ElderCareSeal.Certificate, certificate.Chain[0]);
        Assert.Equal(fixture.Tenant.RootCertificate, certificate.Chain[2]);
        var signature = await fixture.Keys.SignDigestAsync(fixture.ElderCareSeal.SealId, new byte[32]);
        Assert.NotEmpty(signature);
        await Assert.ThrowsAsync<SealUnavailableException>(() => fixture.Keys.GetCertificateAsync(fixture.Tenant.IssuingId));
    }

    [Fact]
    public void MasterKeyOfTheWrongSize_Refused()
    {
        Assert.Throws<ArgumentException>(() => new SealKeyProtector(new byte[16]));
    }
}
