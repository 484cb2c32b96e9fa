using System.Net.Http.Headers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace YiyangPortal.Signing.Timestamping;

/// <summary>
/// RFC 3161 over HTTP (§3.4): POST application/timestamp-query to the configured URL, read
/// application/timestamp-reply. A random nonce ties the answer to the request. No answer within the timeout, an
/// HTTP error or a refusal becomes a <see cref="TimestampException"/> the page can show as it is.
/// </summary>
public sealed class HttpTimestampClient(HttpClient http, Uri url, TimeSpan timeout) : ITimestampClient
{
    public async Task<byte[]> GetTokenAsync(byte[] sha256Digest, CancellationToken cancellationToken = default)
    {
        var request = TimestampExchange.Request(sha256Digest, new BigInteger(63, new SecureRandom()));
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        byte[] reply;
        try
        {
            using var response = await http.PostAsync(url, content, timeoutSource.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampException("时间戳服务暂时不可用（HTTP {0}），签章未完成，请稍后再试。", (int)response.StatusCode);
            }
            reply = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampException(e, "时间戳服务在 {0:0} 秒内没有应答，签章未完成，请稍后再试。", timeout.TotalSeconds);
        }
        catch (HttpRequestException e)
        {
            throw new TimestampException(e, "无法连接时间戳服务，签章未完成，请稍后再试。");
        }
        return TimestampExchange.Token(request, reply);
    }
}
