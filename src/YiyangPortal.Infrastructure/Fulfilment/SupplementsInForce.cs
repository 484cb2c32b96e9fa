using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Fulfilment;

/// <summary>
/// The 补充协议 that came into force for originals (2020 guide 九(二)), with their items: the one query behind every
/// reading of an original as its supplements changed it — the service plan (<see cref="ServicePlanStore.PlanAsync"/>,
/// ADR 043) and the fee instalments (<see cref="InstalmentsAsync"/>, ADR 045). The domain slices them by day
/// (<see cref="AgreementVersions"/>) and ignores any that never came into force.
/// </summary>
public static class SupplementsInForce
{
    /// <summary>The supplements of <paramref name="original"/> that came into force (none for an agreement not in force).</summary>
    public static async Task<IReadOnlyList<Agreement>> OfAsync(PortalDbContext db, Agreement original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(original);
        if (original.IsSupplement || !original.CameIntoForce)
        {
            return [];
        }

        return await Query(db).Where(a => a.SupplementToId == original.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The supplements of many originals in one query, by original (the to-dos, the seeding).</summary>
    public static async Task<ILookup<Guid, Agreement>> OfAsync(PortalDbContext db, IReadOnlyCollection<Guid> originalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(originalIds);
        var ids = originalIds.Distinct().ToList();
        var supplements = ids.Count == 0
            ? []
            : await Query(db).Where(a => ids.Contains(a.SupplementToId!.Value)).ToListAsync(cancellationToken);
        return supplements.ToLookup(a => a.SupplementToId!.Value);
    }

    /// <summary>
    /// The 年度健康服务费 instalments of <paramref name="agreement"/> as its supplements changed them
    /// (<see cref="FeeInstalments.Of"/>): the one way pages, workflows and reports read them.
    /// </summary>
    public static async Task<IReadOnlyList<FeeInstalment>> InstalmentsAsync(PortalDbContext db, Agreement agreement, CancellationToken cancellationToken) =>
        (await PlanAsync(db, agreement, cancellationToken)).Instalments;

    /// <summary>The instalments and the halves a supplement waived (<see cref="FeeInstalments.Plan"/>), for the fees page.</summary>
    public static async Task<InstalmentPlan> PlanAsync(PortalDbContext db, Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.MayHaveAnnualFee && agreement.ServiceDays() is not null
            ? FeeInstalments.Plan(agreement, await OfAsync(db, agreement, cancellationToken))
            : new InstalmentPlan([], []);
    }

    private static IQueryable<Agreement> Query(PortalDbContext db) =>
        db.Agreements.AsNoTracking().Include(a => a.Items).Where(a => a.SupplementToId != null && a.EffectiveAtUtc != null);
}
