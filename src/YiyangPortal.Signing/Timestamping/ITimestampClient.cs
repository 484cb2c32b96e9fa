namespace YiyangPortal.Signing.Timestamping;

/// <summary>An RFC 3161 time-stamping authority, as the signer sees it.</summary>
public interface ITimestampClient
{
    /// <summary>
    /// A time-stamp token (DER ContentInfo of a SignedData over TSTInfo) for a SHA-256 digest, checked against the
    /// request: status granted, the same message imprint.
    /// </summary>
    /// <exception cref="TimestampException">The authority did not answer in time, refused, or answered nonsense.</exception>
    Task<byte[]> GetTokenAsync(byte[] sha256Digest, CancellationToken cancellationToken = default);
}

/// <summary>A time stamp could not be obtained; the message is for the user (a template, <see cref="SigningException"/>).</summary>
public sealed class TimestampException : SigningException
{
    public TimestampException(string template, params object?[] arguments)
        : base(null, template, arguments)
    {
    }

    public TimestampException(Exception inner, string template, params object?[] arguments)
        : base(inner, template, arguments)
    {
    }
}
