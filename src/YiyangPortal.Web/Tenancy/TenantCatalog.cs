using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Tenancy;

public sealed record TenantInfo(Guid Id, string Slug, string Name);

/// <summary>The active tenants by slug, cached briefly: every request resolves its tenant through this.</summary>
public sealed class TenantCatalog(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyDictionary<string, TenantInfo>> GetAllAsync(CancellationToken cancellationToken)
    {
        var tenants = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Tenants.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.DivisionCode)
                .Select(t => new TenantInfo(t.Id, t.Slug, t.Name))
                .ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, TenantInfo>)rows.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        });
        return tenants!;
    }

    public async Task<TenantInfo?> FindAsync(string slug, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken)).GetValueOrDefault(slug);
}
