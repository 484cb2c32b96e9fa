using YiyangPortal.Signing.Crypto;

namespace YiyangPortal.Signing.Keys;

/// <summary>
/// A seal's certificate and its current standing, as the key provider knows them. <see cref="Chain"/> holds DER
/// certificates, the seal's own first, then its issuers up to (and including) the root.
/// </summary>
public sealed record SealCertificate(SealAlgorithm Algorithm, IReadOnlyList<byte[]> Chain, DateTimeOffset? RevokedAt = null);

/// <summary>
/// Where seals sign. The signer asks for the certificate chain, then hands over one digest per signature: the
/// private key never leaves the provider. The local implementation (<see cref="LocalSigningKeyProvider"/>) keeps
/// keys encrypted in the portal's database; a city may plug in an external CA, a cloud seal service or an HSM
/// instead (ADR 017).
/// </summary>
public interface ISigningKeyProvider
{
    /// <exception cref="SealUnavailableException">No such seal, or the provider cannot reach it.</exception>
    Task<SealCertificate> GetCertificateAsync(Guid sealId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs <paramref name="digest"/> with the seal's key and returns the signature as CMS carries it: DER
    /// ECDSA-Sig-Value (r, s) for ECDSA and SM2, the PKCS #1 v1.5 signature block for RSA. The digest is SHA-256
    /// of the CMS signed attributes; for SM2 it is e = SM3(Z_A ‖ signed attributes) with the default identity
    /// 1234567812345678 (GB/T 32918.2, GM/T 0009).
    /// </summary>
    Task<byte[]> SignDigestAsync(Guid sealId, byte[] digest, CancellationToken cancellationToken = default);
}

/// <summary>A seal that cannot be used: unknown, not a seal key, or its provider failed.</summary>
public sealed class SealUnavailableException(string template, params object?[] arguments) : SigningException(null, template, arguments);
