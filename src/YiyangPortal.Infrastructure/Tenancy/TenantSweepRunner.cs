using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Tenancy;

/// <summary>
/// The one way a sweep visits the tenants: a PostgreSQL advisory lock lets one web instance at a time through (the
/// others skip, the sweeps are idempotent), then each tenant is swept in its own scope with the tenant set, so row-level
/// security applies as on a request.
/// </summary>
public static class TenantSweepRunner
{
    /// <summary>The results per tenant, or null when another instance holds <paramref name="lockKey"/>.</summary>
    public static async Task<IReadOnlyList<T>?> ForEachTenantAsync<T>(
        IServiceScopeFactory scopes, long lockKey, Func<IServiceProvider, Task<T>> sweepTenant, CancellationToken cancellationToken)
    {
        await using var lockScope = scopes.CreateAsyncScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = (NpgsqlConnection)lockDb.Database.GetDbConnection();
        await lockDb.Database.OpenConnectionAsync(cancellationToken);
        if (!await AdvisoryAsync(connection, "pg_try_advisory_lock", lockKey, cancellationToken))
        {
            return null;
        }

        try
        {
            var tenants = await lockDb.Tenants.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(cancellationToken);
            var results = new List<T>(tenants.Count);
            foreach (var tenant in tenants)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
                results.Add(await sweepTenant(scope.ServiceProvider));
            }

            return results;
        }
        finally
        {
            await AdvisoryAsync(connection, "pg_advisory_unlock", lockKey, CancellationToken.None);
        }
    }

    private static async Task<bool> AdvisoryAsync(NpgsqlConnection connection, string function, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
