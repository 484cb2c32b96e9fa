namespace YiyangPortal.Signing.Verification;

/// <summary>
/// What the verifier trusts: the tenant's root certificate(s), the current revocation lists of its authorities,
/// and the roots of the time-stamping authorities (all DER). Without a revocation list for an issuer, revocation is
/// reported as not checked; without time-stamp roots, time stamps are reported as untrusted.
/// </summary>
public sealed record VerificationTrust(
    IReadOnlyList<byte[]> TrustedRoots,
    IReadOnlyList<byte[]>? RevocationLists = null,
    IReadOnlyList<byte[]>? TimestampRoots = null);
