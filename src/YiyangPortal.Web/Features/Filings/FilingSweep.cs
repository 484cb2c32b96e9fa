using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>What one sweep did: null when another instance held the lock.</summary>
public sealed record SweepResult(int Tenants, int Reminders, int Escalations);

/// <summary>
/// The daily filing sweep (issue 6): reminds both parties seven days before and on the due date, and escalates
/// overdue filings to the regulators' inbox. One runner at a time across web instances (a PostgreSQL advisory
/// lock); idempotent through <see cref="FilingReminder"/>'s unique (filing, kind).
/// </summary>
public sealed class FilingSweep(IServiceScopeFactory scopes)
{
    /// <summary>Arbitrary, fixed: the advisory-lock key every instance agrees on.</summary>
    public const long LockKey = 0x5969_5961_6E67_0006;

    public async Task<SweepResult?> RunAsync(DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        var today = BeijingTime.Today(utcNow);
        var perTenant = await TenantSweepRunner.ForEachTenantAsync(
            scopes,
            LockKey,
            services => SweepTenantAsync(services.GetRequiredService<PortalDbContext>(), today, utcNow, cancellationToken),
            cancellationToken);
        return perTenant is null ? null : new SweepResult(perTenant.Count, perTenant.Sum(t => t.Reminders), perTenant.Sum(t => t.Escalations));
    }

    private static async Task<(int Reminders, int Escalations)> SweepTenantAsync(
        PortalDbContext db, DateOnly today, DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(FilingDueDate.ReminderDaysBefore);
        var candidates = await db.Filings
            .Where(f => f.Status == FilingStatus.Pending && f.DueDate <= horizon)
            .Where(f => !db.FilingReminders.Any(r => r.FilingId == f.Id && r.Kind == (f.DueDate < today ? FilingReminderKind.Escalated
                : f.DueDate == today ? FilingReminderKind.DueDay : FilingReminderKind.WeekBefore)))
            .Join(db.Agreements, f => f.AgreementId, a => a.Id, (f, a) => new { Filing = f, a.DocumentNumber, a.ElderCareInstitutionId, a.MedicalInstitutionId })
            // The bureau by its registered name (ADR 049), as the filing page names it: a proper name, not translated.
            .Join(db.Counties, x => x.Filing.CountyId, c => c.Id, (x, c) => new
            {
                x.Filing,
                x.DocumentNumber,
                x.ElderCareInstitutionId,
                x.MedicalInstitutionId,
                BureauName = x.Filing.Bureau == Domain.Identity.Bureau.CivilAffairs ? c.CivilAffairsBureauName : c.HealthBureauName,
            })
            .OrderBy(x => x.Filing.DueDate)
            .ToListAsync(cancellationToken);

        // Recipients repeat (a few regulators per bureau and county, the users of each institution): look each up once.
        var regulators = new Dictionary<(Domain.Identity.Bureau, Guid), List<Guid>>();
        var parties = new Dictionary<(Guid, Guid), List<Guid>>();
        int reminders = 0, escalations = 0;
        foreach (var c in candidates)
        {
            if (FilingReminder.DueFor(c.Filing, today) is not { } kind)
            {
                continue;
            }

            db.FilingReminders.Add(new FilingReminder(c.Filing.TenantId, c.Filing.Id, kind, today));
            var due = c.Filing.DueDate;
            var bureau = c.BureauName;
            var termination = c.Filing.Kind == FilingKind.Termination;
            if (kind == FilingReminderKind.Escalated)
            {
                var title = termination
                    ? new DomainMessage("逾期未终止备案：协议 {0} 应于 {1:yyyy年M月d日} 前向{2}报送", c.DocumentNumber, due, bureau)
                    : new DomainMessage("逾期未备案：协议 {0} 应于 {1:yyyy年M月d日} 前向{2}报送", c.DocumentNumber, due, bureau);
                var key = (c.Filing.Bureau, c.Filing.CountyId);
                if (!regulators.TryGetValue(key, out var users))
                {
                    regulators[key] = users = await FilingRecipients.RegulatorsAsync(db, c.Filing, cancellationToken);
                }

                foreach (var user in users)
                {
                    db.Notifications.Add(new Notification(c.Filing.TenantId, user, NotificationKind.FilingOverdue, title, $"/filings/{c.Filing.Id}", utcNow));
                }

                escalations++;
            }
            else
            {
                var title = (kind == FilingReminderKind.DueDay, termination) switch
                {
                    (true, true) => new DomainMessage("今天是协议 {0} 向{1}终止备案的截止日（{2:yyyy年M月d日}）", c.DocumentNumber, bureau, due),
                    (true, false) => new DomainMessage("今天是协议 {0} 向{1}备案的截止日（{2:yyyy年M月d日}）", c.DocumentNumber, bureau, due),
                    (false, true) => new DomainMessage("协议 {0} 须于 {1:yyyy年M月d日} 前向{2}报送终止备案", c.DocumentNumber, due, bureau),
                    (false, false) => new DomainMessage("协议 {0} 须于 {1:yyyy年M月d日} 前向{2}报送备案", c.DocumentNumber, due, bureau),
                };
                var key = (c.ElderCareInstitutionId, c.MedicalInstitutionId);
                if (!parties.TryGetValue(key, out var users))
                {
                    parties[key] = users = await FilingRecipients.PartiesAsync(db, c.ElderCareInstitutionId, c.MedicalInstitutionId, cancellationToken);
                }

                foreach (var user in users)
                {
                    db.Notifications.Add(new Notification(c.Filing.TenantId, user, NotificationKind.FilingDue, title, $"/filings/{c.Filing.Id}", utcNow));
                }

                reminders++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (reminders, escalations);
    }
}
