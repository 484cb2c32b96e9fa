using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace YiyangPortal.Signing.Verification;

/// <summary>
/// Checks a signature time stamp (RFC 3161, ETSI EN 319 122-1 §5.3): the token's message imprint is the digest of
/// the signature value, the token's signature and its TSA certificate (extended key usage timeStamping) are valid,
/// and that certificate chains to a trusted time-stamping root.
/// </summary>
internal static class TimestampCheck
{
    public static (DateTimeOffset? Time, SigningText? Problem) Check(ContentInfo tokenInfo, byte[] signatureValue, IReadOnlyList<X509Certificate> roots)
    {
        TimeStampToken token;
        try
        {
            token = new TimeStampToken(new CmsSignedData(tokenInfo));
        }
        catch (Exception e) when (e is TspException or CmsException or IOException or ArgumentException)
        {
            return (null, new SigningText("时间戳无法解析。"));
        }
        var info = token.TimeStampInfo;
        var time = new DateTimeOffset(info.GenTime, TimeSpan.Zero);
        var digest = DigestUtilities.GetDigest(info.MessageImprintAlgOid);
        digest.BlockUpdate(signatureValue, 0, signatureValue.Length);
        if (!DigestUtilities.DoFinal(digest).AsSpan().SequenceEqual(info.GetMessageImprintDigest()))
        {
            return (time, new SigningText("时间戳不是针对这一签章的。"));
        }
        var certificates = token.GetCertificates().EnumerateMatches(null).ToList();
        var tsa = certificates.FirstOrDefault(c => token.SignerID.Match(c));
        if (tsa is null)
        {
            return (time, new SigningText("时间戳缺少时间戳服务的证书。"));
        }
        try
        {
            token.Validate(tsa);
        }
        catch (Exception e) when (e is TspException or TspValidationException or ArgumentException)
        {
            return (time, new SigningText("时间戳的签名无效。"));
        }
        if (roots.Count == 0)
        {
            return (time, new SigningText("时间戳服务不在受信任列表中。"));
        }
        var path = CertificatePath.Build(tsa, certificates, roots, time);
        return path.Problem is null ? (time, null) : (time, new SigningText("时间戳服务的证书不受信任。"));
    }
}
