using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Crypto;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace YiyangPortal.Signing.Pades;

/// <summary>
/// The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1 §5.1, EN 319 122-1): detached, signed
/// attributes content-type (id-data), message-digest and signing-certificate-v2; no signing-time (B-B: the claimed
/// time is the signature dictionary's /M); the certificate chain; the signature time stamp as an unsigned attribute
/// (B-T). Built from ASN.1 directly so the signature value can come from any <see cref="Keys.ISigningKeyProvider"/>.
/// </summary>
internal static class CadesSignedData
{
    public static Asn1Set SignedAttributes(byte[] messageDigest, X509Certificate signer)
    {
        var certHash = System.Security.Cryptography.SHA256.HashData(signer.GetEncoded());
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(signer.IssuerDN)), new DerInteger(signer.SerialNumber));
        var signingCertificate = new SigningCertificateV2([new EssCertIDv2(certHash, issuerSerial)]);
        return new DerSet(new Asn1EncodableVector(
            new Attribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new Attribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(messageDigest))),
            new Attribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(signingCertificate))));
    }

    /// <summary>The DER ContentInfo to put in /Contents.</summary>
    public static byte[] Build(
        SealAlgorithm algorithm, IReadOnlyList<X509Certificate> chain, Asn1Set signedAttributes, byte[] signature, byte[]? timestampToken)
    {
        var signer = chain[0];
        var unsigned = timestampToken is null
            ? null
            : new DerSet(new Attribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(Asn1Object.FromByteArray(timestampToken))));
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.CertificateStructure.Issuer, signer.CertificateStructure.SerialNumber)),
            DigestSigning.DigestAlgorithm(algorithm),
            signedAttributes,
            DigestSigning.SignatureAlgorithm(algorithm),
            new DerOctetString(signature),
            unsigned);
        var certificates = new Asn1EncodableVector();
        foreach (var certificate in chain)
        {
            certificates.Add(certificate.CertificateStructure);
        }
        var signedData = new SignedData(
            new DerSet(DigestSigning.DigestAlgorithm(algorithm)),
            new ContentInfo(CmsObjectIdentifiers.Data, null),
            new DerSet(certificates),
            null,
            new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }
}
