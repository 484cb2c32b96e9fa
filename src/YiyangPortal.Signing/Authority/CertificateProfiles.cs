using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace YiyangPortal.Signing.Authority;

/// <summary>The extensions and names of the three kinds of certificate (RFC 5280).</summary>
internal static class CertificateProfiles
{
    /// <summary>organizationIdentifier (X.520, 2.5.4.97).</summary>
    public static readonly DerObjectIdentifier OrganizationIdentifier = new("2.5.4.97");

    /// <summary>
    /// ETSI EN 319 412-1 §5.1.4 semantics: "NTR" (national trade register) + country + "-" + the register's number.
    /// The 统一社会信用代码 is China's register number for legal persons.
    /// </summary>
    public const string CreditCodePrefix = "NTRCN-";

    public static X509Name AuthorityName(string commonName, string organization) => new(
        [X509Name.C, X509Name.O, X509Name.CN],
        ["CN", organization, commonName]);

    public static X509Name InstitutionName(InstitutionSubject subject)
    {
        var oids = new List<DerObjectIdentifier> { X509Name.C, X509Name.O };
        var values = new List<string> { "CN", subject.Name };
        if (!string.IsNullOrWhiteSpace(subject.CreditCode))
        {
            oids.Add(OrganizationIdentifier);
            values.Add(CreditCodePrefix + subject.CreditCode.Trim().ToUpperInvariant());
        }
        oids.Add(X509Name.CN);
        values.Add(subject.Name);
        return new X509Name(oids, values);
    }

    public static X509V3CertificateGenerator NewGenerator(
        X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(NewSerialNumber());
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return generator;
    }

    public static void AddAuthority(X509V3CertificateGenerator generator, int? pathLength)
    {
        generator.AddExtension(X509Extensions.BasicConstraints, true,
            pathLength is { } length ? new BasicConstraints(length) : new BasicConstraints(true));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
    }

    // An end entity that signs documents: digitalSignature + nonRepudiation (contentCommitment), no extended key
    // usage (Adobe and NSS accept a document-signing certificate without one).
    public static void AddSeal(X509V3CertificateGenerator generator)
    {
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
    }

    public static void AddIssuer(X509V3CertificateGenerator generator, X509Certificate issuer, string? crlUrl)
    {
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer));
        if (!string.IsNullOrWhiteSpace(crlUrl))
        {
            var name = new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.UniformResourceIdentifier, crlUrl)));
            generator.AddExtension(X509Extensions.CrlDistributionPoints, false, new CrlDistPoint([new DistributionPoint(name, null, null)]));
        }
    }

    // 127 random bits, positive: unpredictable serial numbers as CA/Browser Forum practice asks (at least 64 bits).
    private static BigInteger NewSerialNumber()
    {
        var bytes = SecureRandom.GetNextBytes(new SecureRandom(), 16);
        bytes[0] &= 0x7F;
        bytes[0] |= 0x01;
        return new BigInteger(1, bytes);
    }
}
