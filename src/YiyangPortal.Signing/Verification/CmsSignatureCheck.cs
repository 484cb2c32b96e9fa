using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace YiyangPortal.Signing.Verification;

/// <summary>
/// Reads a detached CMS SignedData and checks it against the signed bytes: the message-digest attribute against the
/// bytes' digest, the signature over the signed attributes with the signer's public key, signing-certificate-v2
/// against the signer's certificate. Written apart from the signer's CMS builder (it parses with BouncyCastle's
/// CmsSignedData and verifies by algorithm identifier), so a builder mistake cannot hide here.
/// </summary>
internal sealed class CmsSignatureCheck
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha384 = "2.16.840.1.101.3.4.2.2";
    private const string Sha512 = "2.16.840.1.101.3.4.2.3";
    private const string Sm3 = "1.2.156.10197.1.401";
    private const string Sm2WithSm3 = "1.2.156.10197.1.501";
    private const string Sm2Sign = "1.2.156.10197.1.301.1";

    private CmsSignatureCheck(CmsSignedData signedData, SignerInformation signer, X509Certificate? certificate)
    {
        SignedData = signedData;
        Signer = signer;
        Certificate = certificate;
    }

    public CmsSignedData SignedData { get; }

    public SignerInformation Signer { get; }

    public X509Certificate? Certificate { get; }

    private string SignatureOid => Signer.SignatureAlgorithm.Algorithm.Id;

    private string DigestOid => Signer.DigestAlgorithmID.Algorithm.Id;

    public IReadOnlyList<X509Certificate> Certificates => [.. SignedData.GetCertificates().EnumerateMatches(null)];

    /// <summary>Parses the CMS (ignoring the zero padding after it); null when it is not a SignedData with one signer.</summary>
    public static CmsSignatureCheck? Parse(byte[] contents)
    {
        try
        {
            using var input = new Asn1InputStream(contents);
            var contentInfo = ContentInfo.GetInstance(input.ReadObject());
            var signedData = new CmsSignedData(contentInfo);
            var signers = signedData.GetSignerInfos().GetSigners();
            if (signers.Count != 1)
            {
                return null;
            }
            var signer = signers.First();
            var certificate = signedData.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
            return new CmsSignatureCheck(signedData, signer, certificate);
        }
        catch (Exception e) when (e is CmsException or IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return null;
        }
    }

    public string AlgorithmName => (SignatureOid, DigestOid) switch
    {
        (Sm2WithSm3 or Sm2Sign, _) => "SM2 / SM3（国密）",
        (_, var digest) when Certificate?.GetPublicKey() is ECPublicKeyParameters => $"ECDSA / {DigestName(digest)}",
        (_, var digest) when Certificate?.GetPublicKey() is RsaKeyParameters rsa => $"RSA-{rsa.Modulus.BitLength} / {DigestName(digest)}",
        _ => SignatureOid,
    };

    /// <summary>The message-digest attribute equals the digest of the signed bytes.</summary>
    public bool DigestMatches(Func<IDigest, byte[]> digestOfSignedBytes)
    {
        var digest = NewDigest(DigestOid);
        if (digest is null || Signer.SignedAttributes?[CmsAttributes.MessageDigest] is not { } attribute)
        {
            return false;
        }
        var claimed = Asn1OctetString.GetInstance(attribute.AttrValues[0]).GetOctets();
        return claimed.AsSpan().SequenceEqual(digestOfSignedBytes(digest));
    }

    public bool SignatureMatches()
    {
        if (Certificate is null || Signer.GetEncodedSignedAttributes() is not { } attributes)
        {
            return false;
        }
        var key = Certificate.GetPublicKey();
        ISigner? verifier = (SignatureOid, key) switch
        {
            (Sm2WithSm3 or Sm2Sign, ECPublicKeyParameters) => new SM2Signer(),
            (_, ECPublicKeyParameters) => SignerUtilities.GetSigner(DigestName(DigestOid).Replace("-", "", StringComparison.Ordinal) + "withECDSA"),
            (_, RsaKeyParameters) => SignerUtilities.GetSigner(DigestName(DigestOid).Replace("-", "", StringComparison.Ordinal) + "withRSA"),
            _ => null,
        };
        if (verifier is null || NewDigest(DigestOid) is null)
        {
            return false;
        }
        try
        {
            verifier.Init(false, key);
            verifier.BlockUpdate(attributes, 0, attributes.Length);
            return verifier.VerifySignature(Signer.GetSignature());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or CryptoException)
        {
            return false;
        }
    }

    /// <summary>Null when the attribute is absent; otherwise whether it names the signer's certificate.</summary>
    public bool? SigningCertificateMatches()
    {
        if (Certificate is null || Signer.SignedAttributes?[PkcsObjectIdentifiers.IdAASigningCertificateV2] is not { } attribute)
        {
            return null;
        }
        var ids = SigningCertificateV2.GetInstance(attribute.AttrValues[0]).GetCerts();
        if (ids.Length == 0)
        {
            return false;
        }
        var id = ids[0];
        var digest = DigestUtilities.GetDigest(id.HashAlgorithm.Algorithm);
        var encoded = Certificate.GetEncoded();
        digest.BlockUpdate(encoded, 0, encoded.Length);
        var hash = DigestUtilities.DoFinal(digest);
        return hash.AsSpan().SequenceEqual(id.GetCertHash());
    }

    /// <summary>The signature time stamp token (unsigned attribute id-aa-signatureTimeStampToken), if any.</summary>
    public ContentInfo? TimestampToken =>
        Signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken] is { } attribute
            ? ContentInfo.GetInstance(attribute.AttrValues[0])
            : null;

    private static IDigest? NewDigest(string oid) => oid switch
    {
        Sha256 or Sha384 or Sha512 or Sm3 => DigestUtilities.GetDigest(oid),
        _ => null,
    };

    private static string DigestName(string oid) => oid switch
    {
        Sha256 => "SHA-256",
        Sha384 => "SHA-384",
        Sha512 => "SHA-512",
        Sm3 => "SM3",
        _ => oid,
    };
}
