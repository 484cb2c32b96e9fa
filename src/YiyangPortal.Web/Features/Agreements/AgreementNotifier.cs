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
                    drafts.Add(new MailMessageDraft(user.Email, user.DisplayName, title, title + "\n\n协议编号：" + agreement.DocumentNumber));
                }
            }
        }

        return drafts;
    }

    public Task SendAsync(IReadOnlyList<MailMessageDraft> messages) => mail.SendAsync(messages);

    private static IEnumerable<(NotificationKind, string, AgreementParty[])> Messages(Agreement a, IReadOnlyList<AgreementEvent> events)
    {
        var kinds = events.Select(e => e.Kind).Distinct().ToList();
        var no = a.DocumentNumber;
        if (kinds.Contains(AgreementEventKind.Submitted)) { yield return (NotificationKind.Submitted, $"协议 {no} 已提交，请审核服务项目。", [AgreementParty.Medical]); }
        if (kinds.Contains(AgreementEventKind.ReturnedForRevision) && a.HasOpenProposals)
        {
            yield return (NotificationKind.Proposal, $"协议 {no} 有服务项目修改建议，请查看并重新提交。", [AgreementParty.ElderCare]);
        }
        else if (kinds.Contains(AgreementEventKind.ReturnedForRevision))
        {
            yield return (NotificationKind.Returned, $"协议 {no} 已退回修改。", [AgreementParty.ElderCare, AgreementParty.Medical]);
        }

        if (kinds.Contains(AgreementEventKind.Accepted)) { yield return (NotificationKind.Accepted, $"协议 {no} 已通过审核，请双方代表签署。", [AgreementParty.ElderCare, AgreementParty.Medical]); }
        if (kinds.Contains(AgreementEventKind.BecameEffective) && a.EffectiveAtUtc is { } effectiveAt)
        {
            // 2020 guide 六(四): inform the county 民政局 and 卫生健康局 within one month (FilingDueDate).
            var due = BeijingTime.FormatChineseDate(FilingDueDate.From(effectiveAt));
            yield return (NotificationKind.Effective, $"协议 {no} 双方已签署，已生效。请于 {due} 前向区县民政局、卫生健康局报送备案。", [AgreementParty.ElderCare, AgreementParty.Medical]);
        }
        else if (kinds.Contains(AgreementEventKind.Signed))
        {
            yield return (NotificationKind.Signed, $"协议 {no} 对方已签署，等待您签署。", [.. a.AwaitedParties()]);
        }

        foreach (var message in TerminationMessages(a, kinds))
        {
            yield return message;
        }
    }

    /// <summary>2020 guide 六(二): the other party hears of a proposal and its answers; both, and the regulators, of the end.</summary>
    private static IEnumerable<(NotificationKind, string, AgreementParty[])> TerminationMessages(Agreement a, List<AgreementEventKind> kinds)
    {
        var no = a.DocumentNumber;
        AgreementParty[] both = [AgreementParty.ElderCare, AgreementParty.Medical];
        if (kinds.Contains(AgreementEventKind.Terminated))
        {
            var on = a.TerminatedOn is { } day ? BeijingTime.FormatChineseDate(day) : "—";
            yield return (NotificationKind.Terminated, $"协议 {no} 已终止：{a.TerminationReason}（{on}起）。请于一个月内向备案的民政局、卫生健康局报送终止备案。", both);
            yield break;
        }

        if (kinds.Contains(AgreementEventKind.TerminationProposed) && a.PendingTermination is { } proposed)
        {
            var when = proposed.TakesEffectOn is { } on ? $"，通知期满于 {BeijingTime.FormatChineseDate(on)} 终止" : "，经您确认后终止";
            yield return (NotificationKind.Termination,
                $"协议 {no}：{proposed.ProposedBy.ToChinese()}提出{proposed.Kind.ToChinese()}（拟于 {BeijingTime.FormatChineseDate(proposed.ProposedOn)}）{when}。理由：{proposed.Reason}", both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationConfirmed) && a.PendingTermination?.TakesEffectOn is { } confirmedOn)
        {
            yield return (NotificationKind.Termination, $"协议 {no}：对方已确认终止，协议将于 {BeijingTime.FormatChineseDate(confirmedOn)} 终止。", both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationDeclined))
        {
            yield return (NotificationKind.Termination, $"协议 {no}：对方不同意终止，协议继续有效。", both);
        }

        if (kinds.Contains(AgreementEventKind.TerminationWithdrawn))
        {
            yield return (NotificationKind.Termination, $"协议 {no}：对方已撤回终止申请，协议继续有效。", both);
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
