using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Fulfilment;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>The daily sweeps as the operator names them, by their advisory lock key (the key <see cref="SweepRun"/> records).</summary>
public static class Sweeps
{
    public static IReadOnlyList<(long Key, string Name)> All { get; } =
    [
        (AgreementSweepService.LockKey, "协议到期与终止"),
        (FilingSweep.LockKey, "备案提醒"),
        (FulfilmentSweep.LockKey, "履约提醒"),
    ];
}

/// <summary>One city's figures, read inside the city (its tenant set, row-level security as on a request).</summary>
public sealed record TenantStatus(
    string Name, string Slug, bool IsActive, int Counties, int ElderCare, int Medical, int Agreements, int Users,
    IReadOnlyDictionary<long, DateTimeOffset> LastSweeps);

/// <summary>What the operator checks: the database, the schema against this build, the build, and each city.</summary>
public sealed record PlatformStatusPage(
    bool DatabaseReachable,
    int MigrationsExpected,
    int MigrationsApplied,
    IReadOnlyList<string> PendingMigrations,
    IReadOnlyList<string> UnknownMigrations,
    string? LatestMigration,
    string Version,
    string Environment,
    DateTimeOffset Now,
    IReadOnlyList<TenantStatus> Tenants);

/// <summary>
/// 运行状态 (ADR 054): database reachable, migrations applied against those this build expects, the build's version,
/// and per city the last run of each daily sweep and its counts. No connection string, key or personal data.
/// </summary>
[Authorize(Policy = PortalPolicies.PlatformAdmin)]
[Route("platform/status")]
public sealed class StatusController(PortalDbContext db, IServiceScopeFactory scopes, IWebHostEnvironment environment, TimeProvider clock)
    : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var expected = db.Database.GetMigrations().ToList();
        var reachable = await db.Database.CanConnectAsync(cancellationToken);
        List<string> applied = [];
        IReadOnlyList<TenantStatus> tenants = [];
        if (reachable)
        {
            try
            {
                applied = [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
            }
            catch (Npgsql.PostgresException)
            {
                // Not readable by the application role (granted by the migrate step since ADR 054): shown as all pending.
            }

            tenants = await TenantSweepRunner.InEachTenantAsync(scopes, ReadTenantAsync, cancellationToken);
        }

        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Program).Assembly.GetName().Version?.ToString() ?? "—";
        return View("~/Features/Platform/Status.cshtml", new PlatformStatusPage(
            reachable,
            expected.Count,
            applied.Count,
            reachable ? [.. expected.Except(applied)] : [],
            [.. applied.Except(expected)],
            applied.LastOrDefault(),
            version,
            environment.EnvironmentName,
            clock.GetUtcNow(),
            tenants));
    }

    private static async Task<TenantStatus> ReadTenantAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var tenantId = db.CurrentTenantId!.Value;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
        var sweeps = await db.Set<SweepRun>().AsNoTracking().ToDictionaryAsync(r => r.Sweep, r => r.FinishedAt);
        return new TenantStatus(
            tenant.Name,
            tenant.Slug,
            tenant.IsActive,
            await db.Counties.CountAsync(),
            await db.ElderCareInstitutions.CountAsync(),
            await db.MedicalInstitutions.CountAsync(),
            await db.Agreements.CountAsync(),
            await db.Users.CountAsync(),
            sweeps);
    }
}
