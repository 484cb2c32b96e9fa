using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Timestamping;

namespace YiyangPortal.Signing.Pades;

/// <summary>
/// Seals a PDF for one party (ADR 017): checks the seal's certificate, appends the signature field and its seal
/// appearance as an incremental update, has the key provider sign the CMS signed attributes, gets an RFC 3161
/// signature time stamp over the signature value and writes the CMS into /Contents. The input bytes are never
/// changed, so an earlier party's signature stays valid and the new one covers the whole file. Nothing is returned
/// unless every step succeeded: a refused certificate or a silent time-stamping authority leaves no half-sealed file.
/// </summary>
public sealed class PadesSigner(ISigningKeyProvider keys, ITimestampClient timestamps, TimeProvider clock)
{
    /// <summary>Room for the CMS beyond the certificates: signer info, attributes and the time-stamp token.</summary>
    private const int Headroom = 8 * 1024;

    /// <param name="expectedSha256">When given, the SHA-256 the document had when the user confirmed it: sealing
    /// anything else is refused.</param>
    /// <exception cref="SealUnavailableException">The seal is unknown, expired, not yet valid or revoked.</exception>
    /// <exception cref="TimestampException">No time stamp could be obtained.</exception>
    /// <exception cref="Pdf.UnsupportedPdfException">The PDF is not one the portal wrote.</exception>
    /// <exception cref="DocumentChangedException">The document is not the one confirmed.</exception>
    public async Task<byte[]> SignAsync(
        byte[] pdf, SealPlacement placement, byte[]? expectedSha256 = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.Rectangle.Width <= 0 || placement.Rectangle.Height <= 0)
        {
            throw new ArgumentException("The seal rectangle must have a positive width and height.", nameof(placement));
        }
        if (expectedSha256 is not null && !SHA256.HashData(pdf).AsSpan().SequenceEqual(expectedSha256))
        {
            throw new DocumentChangedException("文件在确认后已被改动，未签章。请重新核对协议内容后再签章。");
        }
        var certificate = await keys.GetCertificateAsync(placement.SealId, cancellationToken);
        var chain = certificate.Chain.Select(der => new X509Certificate(der)).ToList();
        var now = clock.GetUtcNow();
        SealCertificateCheck.EnsureUsable(certificate, chain[0], now);

        var capacity = certificate.Chain.Sum(c => c.Length) + Headroom;
        var (signed, needed) = await TrySignAsync(pdf, placement, certificate.Algorithm, chain, now, capacity, cancellationToken);
        if (signed is null)
        {
            (signed, _) = await TrySignAsync(pdf, placement, certificate.Algorithm, chain, now, needed + 1024, cancellationToken);
        }
        return signed ?? throw new InvalidOperationException("The signature does not fit its reserved space.");
    }

    private async Task<(byte[]? Signed, int Needed)> TrySignAsync(
        byte[] pdf, SealPlacement placement, SealAlgorithm algorithm, List<X509Certificate> chain, DateTimeOffset now,
        int capacity, CancellationToken cancellationToken)
    {
        var prepared = SignatureFieldWriter.Prepare(pdf, placement, now, capacity);
        var bytes = prepared.Bytes;
        var documentDigest = DigestOfRanges(algorithm, bytes, prepared);
        var signedAttributes = CadesSignedData.SignedAttributes(documentDigest, chain[0]);
        var attributesDer = signedAttributes.GetEncoded(Asn1Encodable.Der);
        var toBeSigned = DigestSigning.ToBeSignedDigest(algorithm, chain[0].GetPublicKey(), attributesDer);
        var signature = await keys.SignDigestAsync(placement.SealId, toBeSigned, cancellationToken);
        EnsureSignatureMatchesCertificate(algorithm, chain[0], attributesDer, signature);
        var token = await timestamps.GetTokenAsync(SHA256.HashData(signature), cancellationToken);
        var cms = CadesSignedData.Build(algorithm, chain, signedAttributes, signature, token);
        if (cms.Length > prepared.Capacity)
        {
            return (null, cms.Length);
        }
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(bytes, prepared.ContentsStart + 1);
        return (bytes, cms.Length);
    }

    private static byte[] DigestOfRanges(SealAlgorithm algorithm, byte[] bytes, PreparedSignature prepared)
    {
        if (algorithm != SealAlgorithm.Sm2)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(bytes, 0, prepared.ContentsStart);
            sha.AppendData(bytes, prepared.ContentsEnd, bytes.Length - prepared.ContentsEnd);
            return sha.GetHashAndReset();
        }
        var data = new byte[bytes.Length - (prepared.ContentsEnd - prepared.ContentsStart)];
        bytes.AsSpan(0, prepared.ContentsStart).CopyTo(data);
        bytes.AsSpan(prepared.ContentsEnd).CopyTo(data.AsSpan(prepared.ContentsStart));
        return DigestSigning.Hash(algorithm, data);
    }

    // A provider that signed with another key than its certificate's would produce a file no one can verify.
    private static void EnsureSignatureMatchesCertificate(SealAlgorithm algorithm, X509Certificate certificate, byte[] attributes, byte[] signature)
    {
        var verifier = SignerUtilities.GetSigner(algorithm switch
        {
            SealAlgorithm.Rsa3072 => "SHA256withRSA",
            SealAlgorithm.Sm2 => "SM3withSM2",
            _ => "SHA256withECDSA",
        });
        verifier.Init(false, certificate.GetPublicKey());
        verifier.BlockUpdate(attributes, 0, attributes.Length);
        if (!verifier.VerifySignature(signature))
        {
            throw new SealUnavailableException("签章服务返回的签名与印章证书不符，签章未完成。");
        }
    }
}

/// <summary>The document to seal is not the one the user confirmed.</summary>
public sealed class DocumentChangedException(string template, params object?[] arguments) : SigningException(null, template, arguments);
