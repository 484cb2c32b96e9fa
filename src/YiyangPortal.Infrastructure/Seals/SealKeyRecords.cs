using YiyangPortal.Domain.Common;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Infrastructure.Seals;

/// <summary>
/// One key of the tenant's seal authority as stored (ADR 017): the private key encrypted under the configured
/// key-encryption key, the certificate in clear. Insert-only: a revocation is a <see cref="SealKeyRevocation"/>.
/// </summary>
public sealed class SealKeyRecord : ITenantOwned
{
    private SealKeyRecord()
    {
        EncryptedPrivateKey = [];
        Certificate = [];
    }

    public SealKeyRecord(Guid tenantId, StoredSealKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Id = key.Id;
        TenantId = tenantId;
        Kind = key.Kind;
        Algorithm = key.Algorithm;
        IssuerId = key.IssuerId;
        EncryptedPrivateKey = key.EncryptedPrivateKey;
        Certificate = key.Certificate;
        CreatedAtUtc = key.CreatedAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public SealKeyKind Kind { get; private set; }

    public SealAlgorithm Algorithm { get; private set; }

    public Guid? IssuerId { get; private set; }

    public byte[] EncryptedPrivateKey { get; private set; }

    public byte[] Certificate { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    public StoredSealKey ToStored(SealKeyRevocation? revocation) =>
        new(Id, Kind, Algorithm, IssuerId, EncryptedPrivateKey, Certificate, CreatedAtUtc, revocation?.RevokedAtUtc, revocation?.Reason);
}

/// <summary>The revocation of a stored key (insert-only; the revocation lists are made from these rows).</summary>
public sealed class SealKeyRevocation : ITenantOwned
{
    private SealKeyRevocation()
    {
        Reason = string.Empty;
    }

    public SealKeyRevocation(Guid tenantId, Guid keyId, DateTimeOffset revokedAtUtc, string reason)
    {
        TenantId = tenantId;
        KeyId = keyId;
        RevokedAtUtc = revokedAtUtc;
        Reason = reason;
    }

    public Guid KeyId { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset RevokedAtUtc { get; private set; }

    public string Reason { get; private set; }
}

/// <summary>
/// A tenant's seal authority (one row per tenant, made on first need): its algorithm, its root and issuing keys and
/// the key of the portal's own time-stamping authority (used when no TSA URL is configured).
/// </summary>
public sealed class TenantSealAuthority : ITenantOwned
{
    private TenantSealAuthority()
    {
    }

    public TenantSealAuthority(Guid tenantId, SealAlgorithm algorithm, Guid rootKeyId, Guid issuingKeyId, Guid timestampKeyId, DateTimeOffset at)
    {
        TenantId = tenantId;
        Algorithm = algorithm;
        RootKeyId = rootKeyId;
        IssuingKeyId = issuingKeyId;
        TimestampKeyId = timestampKeyId;
        CreatedAtUtc = at;
    }

    public Guid TenantId { get; private set; }

    public SealAlgorithm Algorithm { get; private set; }

    public Guid RootKeyId { get; private set; }

    public Guid IssuingKeyId { get; private set; }

    public Guid TimestampKeyId { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }
}
