using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Tenancy;

public sealed record TenantInfo(Guid Id, string Slug, string Name);

/// <summary>
/// The tenants by slug, cached briefly: every request resolves its tenant through this. Only active tenants resolve;
/// a 停用 city is known too, so that its URLs can say so (<see cref="FindInactiveAsync"/>) instead of "page not found".
/// </summary>
public sealed class TenantCatalog(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyDictionary<string, TenantInfo>> GetAllAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Active;

    public async Task<TenantInfo?> FindAsync(string slug, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken)).GetValueOrDefault(slug);

    /// <summary>The city of <paramref name="slug"/> when it exists and is 停用.</summary>
    public async Task<TenantInfo?> FindInactiveAsync(string slug, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Inactive.GetValueOrDefault(slug);

    /// <summary>
    /// Forgets the cached list after a city is added, 停用 or 启用, so this instance sees it at once; other web instances
    /// see it when their cache expires (within a minute).
    /// </summary>
    public void Invalidate() => cache.Remove(CacheKey);

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Tenants.AsNoTracking().OrderBy(t => t.DivisionCode)
                .Select(t => new { Info = new TenantInfo(t.Id, t.Slug, t.Name), t.IsActive })
                .ToListAsync(cancellationToken);
            return new Snapshot(
                rows.Where(r => r.IsActive).ToDictionary(r => r.Info.Slug, r => r.Info, StringComparer.Ordinal),
                rows.Where(r => !r.IsActive).ToDictionary(r => r.Info.Slug, r => r.Info, StringComparer.Ordinal));
        });
        return snapshot!;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, TenantInfo> Active, IReadOnlyDictionary<string, TenantInfo> Inactive);
}
