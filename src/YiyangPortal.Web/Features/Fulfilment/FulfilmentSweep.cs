using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Features.Filings;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>What one fulfilment sweep sent: null when another instance held the lock.</summary>
public sealed record FulfilmentSweepResult(int Due, int Missed);

/// <summary>
/// The monthly 履约 reminders (issue 15: "monthly reminders to both parties of visits due and missed"), run by the daily
/// sweep: for every agreement whose service days cover the month, both parties' users are told once a month what the
/// plan asks of this month (本月应完成), and, when a period that ended last month closed short of its agreed count
/// on confirmed deliveries, what was missed (上月未完成). Only confirmed records count (未确认的不算完成); "due" names
/// the monthly lines (坐诊, 查房: 次/月), quarter and year lines are reminded when they end short. The
/// notifications are their own ledger, like the expiry reminders: a user who has this month's reminder for an agreement
/// (same kind and link) does not get it again, so a second run, or a second instance, sends nothing.
/// </summary>
public sealed class FulfilmentSweep(IServiceScopeFactory scopes)
{
    /// <summary>Arbitrary, fixed: the advisory-lock key every instance agrees on.</summary>
    public const long LockKey = 0x5959_4655_4C46; // "YYFULF"

    // Notifications added before a save: a national tenant's month is hundreds of thousands.
    private const int SaveEvery = 2000;

    public async Task<FulfilmentSweepResult?> RunAsync(DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        var today = BeijingTime.Today(utcNow);
        var perTenant = await TenantSweepRunner.ForEachTenantAsync(
            scopes,
            LockKey,
            services => SweepTenantAsync(services.GetRequiredService<PortalDbContext>(), today, utcNow, cancellationToken),
            cancellationToken);
        return perTenant is null ? null : new FulfilmentSweepResult(perTenant.Sum(t => t.Due), perTenant.Sum(t => t.Missed));
    }

    /// <summary>The page a reminder opens: the agreement's 履约情况 for that month.</summary>
    public static string LinkFor(Guid agreementId, DateOnly month) => $"/agreements/{agreementId}/fulfilment?month={month:yyyy-MM}";

    private static async Task<FulfilmentSweepResult> SweepTenantAsync(
        PortalDbContext db, DateOnly today, DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Effective || (a.Status == AgreementStatus.Terminated && a.TerminatedOn >= lastMonth))
            .Include(a => a.Items)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // Read once for the tenant, not per agreement: this month's reminders already sent (the ledger), the parties'
        // users, and the plan lines that ended last month short on confirmed deliveries — from the stored plan
        // (ADR 034; its counts are kept by the records' trigger, and the agreement sweep, which runs first, fills the
        // lines of agreements that have none), never by reading the service records.
        var sent = (await db.Notifications.AsNoTracking()
                .Where(n => (n.Kind == NotificationKind.FulfilmentDue || n.Kind == NotificationKind.FulfilmentMissed) && n.CreatedAtUtc >= utcNow.AddDays(-40))
                .Select(n => new { n.UserId, n.Kind, n.Link })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Kind, n.Link)).ToHashSet();
        var parties = await FilingRecipients.AllPartiesAsync(db, cancellationToken);
        var shortLines = (await db.Database.SqlQuery<ShortLine>($"""
                SELECT agreement_id, agreement_item_id, period_start, confirmed, pending
                FROM fulfilment_totals
                WHERE period_end >= {lastMonth} AND period_end < {thisMonth} AND confirmed < agreed
                """).ToListAsync(cancellationToken))
            .ToLookup(l => l.AgreementId);

        // A 补充协议 in force changes its original's plan (ADR 043); it is loaded with the others (it is 已生效 too).
        var supplements = agreements.Where(a => a.SupplementToId is not null).ToLookup(a => a.SupplementToId!.Value);
        int due = 0, missed = 0, added = 0;
        foreach (var agreement in agreements.Where(a => a.SupplementToId is null))
        {
            var plan = ServicePlan.Of(agreement, supplements[agreement.Id]);
            var thisMonthLines = plan.Where(l => l.Period.Contains(thisMonth) || l.Period.Contains(today))
                .Where(l => l.Period.Kind == PeriodKind.Month && l.AgreedCount > 0).ToList();
            var planned = plan.ToDictionary(l => (l.AgreementItemId, l.Period.Start));
            var shortOnes = shortLines[agreement.Id].Where(l => planned.ContainsKey((l.AgreementItemId, l.PeriodStart))).ToList();
            if (thisMonthLines.Count == 0 && shortOnes.Count == 0)
            {
                continue;
            }

            var users = parties.Of(agreement.ElderCareInstitutionId, agreement.MedicalInstitutionId);
            if (thisMonthLines.Count > 0)
            {
                var what = new DomainMessageList("、", thisMonthLines.Select(l => l.Measure == PlanMeasure.ResidentsServed
                    ? new DomainMessage("{0} {1} 人次", l.ItemName, l.AgreedCount)
                    : new DomainMessage("{0} {1} 次", l.ItemName, l.AgreedCount)));
                var title = new DomainMessage("协议 {0} 本月（{1:yyyy年M月}）应完成：{2}。", agreement.DocumentNumber, thisMonth, what);
                added += Notify(db, sent, users, agreement, NotificationKind.FulfilmentDue, title, LinkFor(agreement.Id, thisMonth), utcNow, ref due);
            }

            if (shortOnes.Count > 0)
            {
                var what = new DomainMessageList("；", shortOnes.Select(l => (Plan: planned[(l.AgreementItemId, l.PeriodStart)], Line: l))
                    .OrderBy(x => x.Plan.Period.Start).ThenBy(x => x.Plan.ItemName, StringComparer.Ordinal)
                    .Select(x => new DomainMessage("{0} 应 {1}、已确认 {2}（待确认 {3}）", x.Plan.ItemName, x.Plan.AgreedCount, x.Line.Confirmed, x.Line.Pending)));
                var title = new DomainMessage("协议 {0} {1:yyyy年M月}止未完成约定服务：{2}。", agreement.DocumentNumber, lastMonth, what);
                added += Notify(db, sent, users, agreement, NotificationKind.FulfilmentMissed, title, LinkFor(agreement.Id, lastMonth), utcNow, ref missed);
            }

            // Saved in batches: the ledger makes a run that stops half-way resume where it stopped.
            if (added >= SaveEvery)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                added = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new FulfilmentSweepResult(due, missed);
    }

    /// <summary>A stored plan line (<c>fulfilment_totals</c>) that ended short.</summary>
    private sealed record ShortLine(Guid AgreementId, Guid AgreementItemId, DateOnly PeriodStart, int Confirmed, int Pending);

    // One notification per user not yet reminded; counts the agreement once when anyone was. Returns how many were added.
    private static int Notify(
        PortalDbContext db, HashSet<(Guid, NotificationKind, string)> sent, List<Guid> users, Agreement agreement,
        NotificationKind kind, DomainMessage title, string link, DateTimeOffset utcNow, ref int agreementsTold)
    {
        var fresh = users.Where(u => sent.Add((u, kind, link))).ToList();
        foreach (var user in fresh)
        {
            db.Notifications.Add(new Notification(agreement.TenantId, user, kind, title, link, utcNow));
        }

        agreementsTold += fresh.Count > 0 ? 1 : 0;
        return fresh.Count;
    }
}
