using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// The agreements part of the daily sweep, for one tenant: pending terminations whose day came take effect (2020 guide
/// 六(二)), agreements past their term become 已到期, and both parties
/// are reminded 30 days before the last day (2020 guide 六(二): renew in writing or stop). Idempotent: an agreement
/// expires once, and a reminder is written once per agreement and user (checked before insert), so a sweep that runs
/// twice, or late, does no harm.
/// </summary>
public sealed class AgreementSweep(PortalDbContext db, AgreementWorkflow workflow)
{
    public async Task<(int Expired, int Reminded)> RunAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await db.Agreements.Where(a => a.Status == AgreementStatus.Effective).Select(a => a.Id).ToListAsync(cancellationToken);
        var expired = 0;
        var reminded = 0;
        foreach (var id in ids)
        {
            // One agreement at a time, each saved on its own: a party acting on one at the same moment costs only that one.
            db.ChangeTracker.Clear();
            var agreement = await db.Agreements.SingleAsync(a => a.Id == id, cancellationToken);
            if (agreement.IsTerminationDue(today))
            {
                // 2020 guide 六(二): a confirmed termination whose day came, or a notice whose period ended.
                agreement.ApplyDueTermination(today);
                expired += await workflow.SaveAsync(agreement, null) == SaveOutcome.Saved ? 1 : 0;
            }
            else if (agreement.HasTermEnded(today))
            {
                agreement.Expire(today);
                expired += await workflow.SaveAsync(agreement, null) == SaveOutcome.Saved ? 1 : 0;
            }
            else if (ExpiryReminder.IsInWindow(agreement, today))
            {
                reminded += await RemindAsync(agreement, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        // A supplement ends with its original (2020 guide 九(二)); catches any left in force by an interrupted save.
        expired += await workflow.EndOrphanedSupplementsAsync(cancellationToken);
        return (expired, reminded);
    }

    private async Task<int> RemindAsync(Agreement agreement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = $"/agreements/{agreement.Id}";
        var users = await db.Users.Where(u => u.ElderCareInstitutionId == agreement.ElderCareInstitutionId || u.MedicalInstitutionId == agreement.MedicalInstitutionId)
            .Where(u => !db.Notifications.Any(n => n.UserId == u.Id && n.Link == link && n.Kind == NotificationKind.Expiring))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var title = new DomainMessage("协议 {0} 将于 {1:yyyy-MM-dd} 到期，请及时续签或书面终止合作。", agreement.DocumentNumber, agreement.Terms.Term!.Value.To);
        db.Notifications.AddRange(users.Select(u => new Notification(agreement.TenantId, u, NotificationKind.Expiring, title, link, now)));
        return users.Count;
    }
}
