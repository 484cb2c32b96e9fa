using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Notifications;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// Tells the other side what happened (issue 4: submitted, returned, proposal, signed, effective, terminated):
/// an in-app notification per user, written with the change, and an e-mail sent after the change is saved.
/// One message per event and recipient, none to whoever did it (issue 10); taking effect is one message that also
/// says by when to file.
/// </summary>
public sealed class AgreementNotifier(PortalDbContext db, IMailSender mail, TimeProvider clock)
{
    public async Task<IReadOnlyList<MailMessageDraft>> QueueAsync(Agreement agreement, IReadOnlyList<AgreementEvent> events)
    {
        var drafts = new List<MailMessageDraft>();
        var actors = events.Select(e => e.ActorUserId).OfType<Guid>().ToHashSet();
        foreach (var (kind, title, recipients) in Messages(agreement, events))
        {
            var users = await RecipientsAsync(agreement, recipients, includeRegulators: kind == NotificationKind.Terminated);
            foreach (var user in users.Where(u => !actors.Contains(u.Id)))
            {
                db.Notifications.Add(new Notification(agreement.TenantId, user.Id, kind, title, $"/agreements/{agreement.Id}", clock.GetUtcNow()));
                if (!string.IsNullOrEmpty(user.Email))
                {
                    // Mail stays Chinese (ADR 046): the recipient's language is a cookie of their browser, unknown here.
                    var text = title.ToString();
                    drafts.Add(new MailMessageDraft(user.Email, user.DisplayName, text, text + "\n\n协议编号：" + agreement.DocumentNumber));
                }
            }
        }

        return drafts;
    }

    public Task SendAsync(IReadOnlyList<MailMessageDraft> messages) => mail.SendAsync(messages);

    private static IEnumerable<(NotificationKind, DomainMessage, AgreementParty[])> Messages(Agreement a, IReadOnlyList<AgreementEvent> events)
    {
        var kinds = events.Select(e => e.Kind).Distinct().ToList();
        var no = a.DocumentNumber;
        if (kinds.Contains(AgreementEventKind.Submitted)) { yield return (NotificationKind.Submitted, new DomainMessage("协议 {0} 已提交，请审核服务项目。", no), [AgreementParty.Medical]); }
        if (kinds.Contains(AgreementEventKind.ReturnedForRevision) && a.HasOpenProposals)
        {
            yield return (NotificationKind.Proposal, new DomainMessage("协议 {0} 有服务项目修改建议，请查看并重新提交。", no), [AgreementParty.ElderCare]);
        }
        else if (kinds.Contains(AgreementEventKind.ReturnedForRevision))
        {
            yield return (NotificationKind.Returned, new DomainMessage("协议 {0} 已退回修改。", no), [AgreementParty.ElderCare, AgreementParty.Medical]);
        }

        if (kinds.Contains(AgreementEventKind.Accepted)) { yield return (NotificationKind.Accepted, new DomainMessage("协议 {0} 已通过审核，请双方代表签署。", no), [AgreementParty.ElderCare, AgreementParty.Medical]); }
        if (kinds.Contains(AgreementEventKind.BecameEffective) && a.EffectiveAtUtc is { } effectiveAt)
        {
            // 2020 guide 六(四): inform the county 民政局 and 卫生健康局 within one month (FilingDueDate).
            yield return (NotificationKind.Effective,
                new DomainMessage("协议 {0} 双方已签署，已生效。请于 {1:yyyy年M月d日} 前向区县民政局、卫生健康局报送备案。", no, FilingDueDate.From(effectiveAt)),
                [AgreementParty.ElderCare, AgreementParty.Medical]);
        }
        else if (kinds.Contains(AgreementEventKind.Signed))
        {
            yield return (NotificationKind.Signed, new DomainMessage("协议 {0} 对方已签署，等待您签署。", no), [.. a.AwaitedParties()]);
        }

        foreach (var message in TerminationMessages(a, kinds))
        {
            yield return message;
        }
    }

    /// <summary>2020 guide 六(二): the other party hears of a proposal and its answers; both, and the regulators, of the end.</summary>
    private static IEnumerable<(NotificationKind, DomainMessage, AgreementParty[])> TerminationMessages(Agreement a, List<AgreementEventKind> kinds)
    {
        var no = a.DocumentNumber;
        AgreementParty[] both = [AgreementParty.ElderCare, AgreementParty.Medical];
        if (kinds.Contains(AgreementEventKind.Terminated))
        {
            // The reason is the party's own words (or the supplement's generated one), shown as written.
            yield return (NotificationKind.Terminated, a.TerminatedOn is { } day
                ? new DomainMessage("协议 {0} 已终止：{1}（{2:yyyy年M月d日}起）。请于一个月内向备案的民政局、卫生健康局报送终止备案。", no, a.TerminationReason, day)
                : new DomainMessage("协议 {0} 已终止：{1}（—起）。请于一个月内向备案的民政局、卫生健康局报送终止备案。", no, a.TerminationReason), both);
            yield break;
        }

        if (kinds.Contains(AgreementEventKind.TerminationProposed) && a.PendingTermination is { } proposed)
        {
            var by = new DomainMessage(proposed.ProposedBy.ToChinese());
            var how = new DomainMessage(proposed.Kind.ToChinese());
            yield return (NotificationKind.Termination, proposed.TakesEffectOn is { } on
                ? new DomainMessage("协议 {0}：{1}提出{2}（拟于 {3:yyyy年M月d日}），通知期满于 {4:yyyy年M月d日} 终止。理由：{5}", no, by, how, proposed.ProposedOn, on, proposed.Reason)
                : new DomainMessage("协议 {0}：{1}提出{2}（拟于 {3:yyyy年M月d日}），经您确认后终止。理由：{4}", no, by, how, proposed.ProposedOn, proposed.Reason), both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationConfirmed) && a.PendingTermination?.TakesEffectOn is { } confirmedOn)
        {
            yield return (NotificationKind.Termination, new DomainMessage("协议 {0}：对方已确认终止，协议将于 {1:yyyy年M月d日} 终止。", no, confirmedOn), both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationDeclined))
        {
            yield return (NotificationKind.Termination, new DomainMessage("协议 {0}：对方不同意终止，协议继续有效。", no), both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationWithdrawn))
        {
            yield return (NotificationKind.Termination, new DomainMessage("协议 {0}：对方已撤回终止申请，协议继续有效。", no), both);
        }
    }

    /// <summary>
    /// The users of the named sides; for a termination also the county regulators of both institutions' counties
    /// and the city-level ones (issue 4: "the other party and the regulators are notified").
    /// </summary>
    private async Task<List<(Guid Id, string? Email, string DisplayName)>> RecipientsAsync(Agreement a, AgreementParty[] parties, bool includeRegulators)
    {
        var elder = parties.Contains(AgreementParty.ElderCare);
        var medical = parties.Contains(AgreementParty.Medical);
        var counties = includeRegulators
            ? await db.ElderCareInstitutions.Where(i => i.Id == a.ElderCareInstitutionId).Select(i => i.CountyId)
                .Concat(db.MedicalInstitutions.Where(i => i.Id == a.MedicalInstitutionId).Select(i => i.CountyId)).ToListAsync()
            : [];
        var users = await db.Users.AsNoTracking()
            .Where(u => (elder && u.ElderCareInstitutionId == a.ElderCareInstitutionId) || (medical && u.MedicalInstitutionId == a.MedicalInstitutionId)
                        || (includeRegulators && u.Role == Domain.Identity.PortalRole.Regulator && (u.CountyId == null || counties.Contains(u.CountyId.Value))))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync();
        return users.ConvertAll(u => (u.Id, u.Email, u.DisplayName));
    }
}
