using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// Runs <see cref="AgreementSweep"/> for every tenant once a day. Several web instances may run it: a PostgreSQL
/// advisory lock lets one at a time through, and the sweep itself is idempotent. Off with Portal:Sweep:Enabled=false.
/// </summary>
public sealed partial class AgreementSweepService(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<AgreementSweepService> logger) : BackgroundService
{
    private const long LockKey = 0x5959_4147_5245; // "YYAGRE"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Portal:Sweep:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        }
    }

    /// <summary>One pass over every tenant as of <paramref name="now"/> (tests pass a later instant).</summary>
    public async Task RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lockScope = scopes.CreateAsyncScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await lockDb.Database.OpenConnectionAsync(cancellationToken);
        var locked = await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return;
        }

        try
        {
            var tenants = await lockDb.Tenants.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(cancellationToken);
            foreach (var tenant in tenants)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
                await scope.ServiceProvider.GetRequiredService<AgreementSweep>().RunAsync(BeijingTime.Today(now), now, cancellationToken);
            }
        }
        finally
        {
            await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agreement sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
