using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// Runs <see cref="AgreementSweep"/> (due terminations, expiries, renewal reminders) for every tenant; called daily by
/// <see cref="DailySweepService"/>, before the filing sweep, and directly by tests.
/// </summary>
public sealed class AgreementSweepService(IServiceScopeFactory scopes)
{
    public const long LockKey = 0x5959_4147_5245; // "YYAGRE"

    /// <summary>One pass over every tenant as of <paramref name="now"/> (tests pass a later instant).</summary>
    public async Task RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await TenantSweepRunner.ForEachTenantAsync(
            scopes,
            LockKey,
            async services =>
            {
                await services.GetRequiredService<AgreementSweep>().RunAsync(BeijingTime.Today(now), now, cancellationToken);

                // ADR 034: agreements in force from before the plan was stored get their plan lines.
                await ServicePlanStore.BackfillAsync(services.GetRequiredService<PortalDbContext>(), cancellationToken);
                return true;
            },
            cancellationToken);
}
