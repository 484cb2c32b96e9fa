using System.Collections.Concurrent;

namespace YiyangPortal.Signing.Keys;

/// <summary>A key store in memory, for tests and tools. A deployment stores keys in its database.</summary>
public sealed class InMemorySealKeyStore : ISealKeyStore
{
    private readonly ConcurrentDictionary<Guid, StoredSealKey> _keys = new();

    public Task SaveAsync(StoredSealKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys[key.Id] = key;
        return Task.CompletedTask;
    }

    public Task<StoredSealKey?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_keys.TryGetValue(id, out var key) ? key : null);

    public Task<IReadOnlyList<StoredSealKey>> ListRevokedIssuedByAsync(Guid issuerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredSealKey>>(
            _keys.Values.Where(k => k.IssuerId == issuerId && k.RevokedAt is not null).OrderBy(k => k.CreatedAt).ToList());
}
