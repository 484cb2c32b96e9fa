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
            return await InEachTenantAsync(
                scopes,
                async services =>
                {
                    var result = await sweepTenant(services);
                    await RecordRunAsync(services, lockKey, cancellationToken);
                    return result;
                },
                cancellationToken);
        }
        finally
        {
            await AdvisoryAsync(connection, "pg_advisory_unlock", lockKey, CancellationToken.None);
        }
    }

    /// <summary>
    /// <paramref name="work"/> once per tenant (active or not), each in its own scope with the tenant set, so row-level
    /// security applies as on a request: the sweeps, and the platform's per-tenant figures (运行状态).
    /// </summary>
    public static async Task<IReadOnlyList<T>> InEachTenantAsync<T>(
        IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        List<(Guid Id, string Slug, string Name)> tenants;
        await using (var listScope = scopes.CreateAsyncScope())
        {
            var db = listScope.ServiceProvider.GetRequiredService<PortalDbContext>();
            tenants = (await db.Tenants.AsNoTracking().OrderBy(t => t.DivisionCode).Select(t => new { t.Id, t.Slug, t.Name })
                .ToListAsync(cancellationToken)).Select(t => (t.Id, t.Slug, t.Name)).ToList();
        }

        var results = new List<T>(tenants.Count);
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
            results.Add(await work(scope.ServiceProvider));
        }

        return results;
    }

    /// <summary>The tenant's sweep finished now (<see cref="SweepRun"/>): what the platform's 运行状态 shows.</summary>
    private static async Task RecordRunAsync(IServiceProvider services, long lockKey, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("A sweep ran without a tenant.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO sweep_runs (tenant_id, sweep, finished_at) VALUES ({tenant}, {lockKey}, {now})
            ON CONFLICT (tenant_id, sweep) DO UPDATE SET finished_at = excluded.finished_at
            """,
            cancellationToken);
    }

    private static async Task<bool> AdvisoryAsync(NpgsqlConnection connection, string function, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
