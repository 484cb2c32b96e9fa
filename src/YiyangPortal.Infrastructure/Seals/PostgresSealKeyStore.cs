using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Infrastructure.Seals;

/// <summary>
/// The seal keys in PostgreSQL (<c>seal_keys</c>, <c>seal_key_revocations</c>, both insert-only for the app role).
/// Saving only adds to the context: the keys are written with the unit of work that needed them (a signature, the
/// seal page), so a refused signature leaves no authority or seal behind. Reads see what was added but not yet saved.
/// The tenant is the context's (row-level security keeps every tenant's keys apart).
/// </summary>
public sealed class PostgresSealKeyStore(PortalDbContext db) : ISealKeyStore
{
    public async Task SaveAsync(StoredSealKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Seal keys belong to a tenant; none is set.");
        var existing = await FindRecordAsync(key.Id, cancellationToken);
        if (existing is null)
        {
            db.SealKeys.Add(new SealKeyRecord(tenantId, key));
        }
        else if (!existing.Certificate.AsSpan().SequenceEqual(key.Certificate))
        {
            throw new InvalidOperationException("A stored seal key is never replaced (seal_keys is insert-only).");
        }

        if (key.RevokedAt is { } revokedAt && await FindRevocationAsync(key.Id, cancellationToken) is null)
        {
            db.SealKeyRevocations.Add(new SealKeyRevocation(tenantId, key.Id, revokedAt, key.RevocationReason ?? string.Empty));
        }
    }

    public async Task<StoredSealKey?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindRecordAsync(id, cancellationToken) is { } record
            ? record.ToStored(await FindRevocationAsync(id, cancellationToken))
            : null;

    // From the revocations (a handful) to their keys, never through every key the authority issued.
    public async Task<IReadOnlyList<StoredSealKey>> ListRevokedIssuedByAsync(Guid issuerId, CancellationToken cancellationToken = default)
    {
        var revocations = (await db.SealKeyRevocations.AsNoTracking().ToListAsync(cancellationToken))
            .Concat(db.SealKeyRevocations.Local).DistinctBy(r => r.KeyId).ToDictionary(r => r.KeyId);
        var ids = revocations.Keys.ToList();
        var stored = await db.SealKeys.AsNoTracking().Where(k => k.IssuerId == issuerId && ids.Contains(k.Id)).ToListAsync(cancellationToken);
        return stored.Concat(db.SealKeys.Local.Where(k => k.IssuerId == issuerId && ids.Contains(k.Id))).DistinctBy(k => k.Id)
            .OrderBy(r => r.CreatedAtUtc).Select(r => r.ToStored(revocations[r.Id])).ToList();
    }

    private async Task<SealKeyRecord?> FindRecordAsync(Guid id, CancellationToken cancellationToken) =>
        db.SealKeys.Local.FirstOrDefault(k => k.Id == id)
        ?? await db.SealKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    private async Task<SealKeyRevocation?> FindRevocationAsync(Guid id, CancellationToken cancellationToken) =>
        db.SealKeyRevocations.Local.FirstOrDefault(r => r.KeyId == id)
        ?? await db.SealKeyRevocations.AsNoTracking().FirstOrDefaultAsync(r => r.KeyId == id, cancellationToken);
}
