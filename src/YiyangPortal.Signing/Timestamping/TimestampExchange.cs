using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace YiyangPortal.Signing.Timestamping;

/// <summary>Builds RFC 3161 requests and checks the responses (shared by the HTTP client and the in-process TSA).</summary>
internal static class TimestampExchange
{
    public static TimeStampRequest Request(byte[] sha256Digest, BigInteger? nonce)
    {
        if (sha256Digest is not { Length: 32 })
        {
            throw new ArgumentException("A SHA-256 digest (32 bytes) is required.", nameof(sha256Digest));
        }
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        return nonce is null
            ? generator.Generate(TspAlgorithms.Sha256, sha256Digest)
            : generator.Generate(TspAlgorithms.Sha256, sha256Digest, nonce);
    }

    public static byte[] Token(TimeStampRequest request, byte[] responseBytes)
    {
        TimeStampResponse response;
        try
        {
            response = new TimeStampResponse(responseBytes);
            response.Validate(request);
        }
        catch (Exception e) when (e is TspException or IOException or ArgumentException or InvalidCastException)
        {
            throw new TimestampException(e, "时间戳服务返回的应答无效，未能取得可信时间。");
        }
        return response.TimeStampToken?.GetEncoded()
            ?? throw new TimestampException("时间戳服务拒绝了请求（{0}）。", response.GetStatusString() ?? "未说明原因");
    }
}
