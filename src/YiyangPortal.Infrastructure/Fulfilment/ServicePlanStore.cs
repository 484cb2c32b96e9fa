using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Fulfilment;

/// <summary>
/// The stored form of <see cref="ServicePlan"/> (ADR 034): each plan line's agreed count in
/// <c>fulfilment_totals</c>, so that rates over 100,000 agreements are sums in SQL. Written from the domain's plan,
/// never computed in SQL: when an agreement comes into force or ends (<c>AgreementWorkflow.SaveAsync</c>, in its
/// transaction) and for agreements in force that have no lines yet (<see cref="BackfillAsync"/>).
/// </summary>
public static class ServicePlanStore
{
    private static readonly AgreementStatus[] InForceOrEnded = [AgreementStatus.Effective, AgreementStatus.Expired, AgreementStatus.Terminated];

    /// <summary>
    /// The plan of <paramref name="agreement"/> as its 补充协议 in force changed it (<see cref="ServicePlan.Of(AgreedItems)"/>,
    /// ADR 043, 044): the one way pages and stores read a plan. Loads the agreement's items if they are not, and its supplements.
    /// </summary>
    public static async Task<IReadOnlyList<PlanLine>> PlanAsync(PortalDbContext db, Agreement agreement, CancellationToken cancellationToken) =>
        ServicePlan.Of(await AgreedItemsAsync(db, agreement, cancellationToken));

    /// <summary>
    /// The items of <paramref name="agreement"/> agreed day by day with its 补充协议 in force (<see cref="AgreedItems"/>,
    /// ADR 044): what the record rules, the record forms and the plan read. Loads the agreement's items if they are not,
    /// and its supplements (none for an agreement with no service days).
    /// </summary>
    public static async Task<AgreedItems> AgreedItemsAsync(PortalDbContext db, Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(agreement);
        var items = db.Entry(agreement).Collection(a => a.Items);
        if (db.Entry(agreement).State != EntityState.Detached && !items.IsLoaded)
        {
            // The sweep loads an agreement without its items; the plan needs them.
            await items.LoadAsync(cancellationToken);
        }

        if (agreement.ServiceDays() is null)
        {
            return AgreedItems.Of(agreement);
        }

        return AgreedItems.Of(agreement, await SupplementsInForce.OfAsync(db, agreement, cancellationToken));
    }

    /// <summary>
    /// Writes the plan of <paramref name="agreement"/> (an agreement not in force has none) and recounts its lines; for
    /// a 补充协议, the plan of its original, which the supplement changes from the day it came into force.
    /// </summary>
    public static async Task SyncAsync(PortalDbContext db, Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.SupplementToId is { } originalId)
        {
            agreement = await db.Agreements.AsNoTracking().Include(a => a.Items).SingleAsync(a => a.Id == originalId, cancellationToken);
        }

        var plan = await PlanAsync(db, agreement, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(FulfilmentTotals.UpsertPlanSql, [
            new NpgsqlParameter("agreement", agreement.Id),
            new NpgsqlParameter("items", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = plan.Select(l => l.AgreementItemId).ToArray() },
            new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = plan.Select(l => l.Period.Start).ToArray() },
            new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = plan.Select(l => l.Period.End).ToArray() },
            new NpgsqlParameter("measures", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = plan.Select(l => l.Measure.ToString()).ToArray() },
            new NpgsqlParameter("agreed", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = plan.Select(l => l.AgreedCount).ToArray() },
        ], cancellationToken);
    }

    /// <summary>
    /// Plans for the agreements of the current tenant that came into force before the plan was stored (or whose lines
    /// are missing), each in its own transaction; returns how many were written. A plan with no lines (no item with a
    /// frequency) is looked at again on the next run, which is cheap.
    /// </summary>
    public static async Task<int> BackfillAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Agreements.AsNoTracking()
            .Where(a => InForceOrEnded.Contains(a.Status) && a.SupplementToId == null)
            .Where(a => !db.Database.SqlQueryRaw<Guid>($"SELECT agreement_id AS \"Value\" FROM {FulfilmentTotals.Lines}").Contains(a.Id))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var id in ids)
        {
            var agreement = await db.Agreements.AsNoTracking().Include(a => a.Items).SingleAsync(a => a.Id == id, cancellationToken);
            if (ServicePlan.Of(agreement).Count == 0)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SyncAsync(db, agreement, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written++;
        }

        return written;
    }
}
