using YiyangPortal.Signing.Crypto;

namespace YiyangPortal.Signing.Keys;

/// <summary>What a stored key is for.</summary>
public enum SealKeyKind
{
    /// <summary>A tenant's root certificate authority (self-signed; the certificate users are asked to trust).</summary>
    RootAuthority = 1,

    /// <summary>The tenant's issuing certificate authority (signed by the root; issues institution certificates).</summary>
    IssuingAuthority = 2,

    /// <summary>An institution's seal (电子印章): its certificate is issued to the institution.</summary>
    InstitutionSeal = 3,

    /// <summary>The portal's own time-stamping authority (development; <see cref="Timestamping.LocalTimestampAuthority"/>).</summary>
    TimestampAuthority = 4,
}

/// <summary>
/// One key as stored: the private key encrypted (<see cref="SealKeyProtector"/>), the certificate in clear (DER),
/// the issuer's key id (null for a root) and the revocation, if any. The lead's PostgreSQL implementation maps it to
/// one row; nothing here needs to be queried but <see cref="Id"/> and <see cref="IssuerId"/>.
/// </summary>
public sealed record StoredSealKey(
    Guid Id,
    SealKeyKind Kind,
    SealAlgorithm Algorithm,
    Guid? IssuerId,
    byte[] EncryptedPrivateKey,
    byte[] Certificate,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null,
    string? RevocationReason = null);

/// <summary>Where keys are kept. Implementations store the records as given; they never see a clear private key.</summary>
public interface ISealKeyStore
{
    /// <summary>Inserts or replaces the record with the same <see cref="StoredSealKey.Id"/>.</summary>
    Task SaveAsync(StoredSealKey key, CancellationToken cancellationToken = default);

    Task<StoredSealKey?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The revoked keys whose certificates <paramref name="issuerId"/> signed (its revocation list). Only the revoked:
    /// a city's issuing authority signs one certificate per institution (tens of thousands), and a list is made on
    /// every request for it.
    /// </summary>
    Task<IReadOnlyList<StoredSealKey>> ListRevokedIssuedByAsync(Guid issuerId, CancellationToken cancellationToken = default);
}
