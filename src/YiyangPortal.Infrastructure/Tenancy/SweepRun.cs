using YiyangPortal.Domain.Common;

namespace YiyangPortal.Infrastructure.Tenancy;

/// <summary>
/// When a daily sweep last finished for a tenant (运行状态, ADR 054): one row per tenant and sweep, keyed by the sweep's
/// advisory lock key, written by <see cref="TenantSweepRunner"/> after the tenant's sweep succeeded.
/// </summary>
public sealed class SweepRun : ITenantOwned
{
    private SweepRun()
    {
    }

    public Guid TenantId { get; private set; }

    /// <summary>The advisory lock key that names the sweep (e.g. the filing sweep's).</summary>
    public long Sweep { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }
}
