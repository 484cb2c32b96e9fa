using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>An agreement to-do of a party, as named in the list's query string (<c>/agreements?todo=sign</c>).</summary>
public enum AgreementTodo
{
    /// <summary>草稿 and 退回修改 for 甲方 to finish and submit.</summary>
    Draft = 1,

    /// <summary>退回修改 with the medical side's proposals for 甲方 to answer.</summary>
    Proposals = 2,

    /// <summary>待医疗机构审核, for 乙方.</summary>
    Review = 3,

    /// <summary>待签署 / 部分签署 not yet signed by the user's side.</summary>
    Sign = 4,

    /// <summary>已生效 and ending within <see cref="Agreement.EndingSoonDays"/> days, not yet renewed (甲方).</summary>
    Ending = 5,

    /// <summary>A 协商一致 termination the other side proposed, waiting for this side to confirm or decline (ADR 025).</summary>
    Termination = 6,

    /// <summary>An instalment of the 年度健康服务费 past its due day and not paid, or paid and disputed (甲方; ADR 035).</summary>
    FeesOverdue = 7,

    /// <summary>A payment waiting for 乙方 to confirm its receipt or dispute it (ADR 035).</summary>
    Receipts = 8,

    /// <summary>A service record still 待确认 after the tenant's confirmation window: 逾期未确认 (甲方; ADR 035).</summary>
    RecordsOverdue = 9,
}

/// <summary>
/// Which of the user's agreements wait for their side, by the domain's rule (<see cref="Agreement.AwaitedTask"/>):
/// the home page counts them, the agreement list shows exactly them. A home's or a clinic's open agreements are few,
/// so they are loaded (narrowed in SQL by <see cref="Agreement.StatusesAwaiting"/>) and the aggregate is asked.
/// </summary>
public sealed class AgreementTodos(PortalDbContext db, TimeProvider clock)
{
    public async Task<ILookup<AgreementTodo, Guid>> ForAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        if (me.Party is not { } party)
        {
            return Array.Empty<(AgreementTodo, Guid)>().ToLookup(t => t.Item1, t => t.Item2);
        }

        var visible = db.Agreements.VisibleTo(db, me).AsNoTracking();
        var statuses = Agreement.StatusesAwaiting(party);
        var open = await visible.Where(a => statuses.Contains(a.Status))
            .Include(a => a.Items).Include(a => a.SignatureHistory).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var todos = open
            .Select(a => (Task: a.AwaitedTask(party), a.Id))
            .Where(t => t.Task is not null)
            .Select(t => (Todo: Of(t.Task!.Value), t.Id))
            .ToList();

        if (party == AgreementParty.ElderCare)
        {
            // 2020 guide 六(二): renew in writing or stop; one that already has its renewal is taken care of.
            var today = BeijingTime.Today(clock.GetUtcNow());
            var effective = await visible
                .Where(a => a.Status == AgreementStatus.Effective && !db.Agreements.Any(r => r.RenewalOfId == a.Id))
                .ToListAsync(cancellationToken);
            todos.AddRange(effective.Where(a => a.IsEndingWithin(today)).Select(a => (AgreementTodo.Ending, a.Id)));
        }

        // 2020 guide 六(二), ADR 025: a termination by mutual consent (协商一致) waits for the other side's answer.
        var other = party == AgreementParty.ElderCare ? AgreementParty.Medical : AgreementParty.ElderCare;
        var proposed = await visible
            .Where(a => a.Status == AgreementStatus.Effective && a.TerminationProposedBy == other)
            .ToListAsync(cancellationToken);
        todos.AddRange(proposed.Where(a => a.MayConfirmTermination(party)).Select(a => (AgreementTodo.Termination, a.Id)));

        todos.AddRange(await FulfilmentTodosAsync(visible, party, cancellationToken));
        return todos.ToLookup(t => t.Todo, t => t.Id);
    }

    /// <summary>费用 and 确认时限 (issue 15, ADR 035): overdue instalments and records for 甲方, receipts for 乙方.</summary>
    private async Task<List<(AgreementTodo Todo, Guid Id)>> FulfilmentTodosAsync(
        IQueryable<Agreement> visible, AgreementParty party, CancellationToken cancellationToken)
    {
        if (party == AgreementParty.Medical)
        {
            var pending = db.FeePayments.Where(p => p.Status == FeePaymentStatus.Pending).Select(p => p.AgreementId);
            return (await visible.Where(a => pending.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken))
                .Select(id => (AgreementTodo.Receipts, id)).ToList();
        }

        var now = clock.GetUtcNow();
        var today = BeijingTime.Today(now);
        var inForce = await visible
            .Where(a => a.Template == AgreementTemplate.MedicalElderCareConsortium && a.SupplementToId == null
                && (a.Status == AgreementStatus.Effective || a.Status == AgreementStatus.Expired || a.Status == AgreementStatus.Terminated))
            .ToListAsync(cancellationToken);

        // One query for the 补充协议 of them all: a supplement may change, add or remove the fee (ADR 045).
        var supplements = await SupplementsInForce.OfAsync(db, inForce.Select(a => a.Id).ToList(), cancellationToken);
        var withFee = inForce.Select(a => (a.Id, Instalments: FeeInstalments.Of(a, supplements[a.Id])))
            .Where(a => a.Instalments.Count > 0).ToList();
        var ids = withFee.Select(a => a.Id).ToList();
        var payments = (await db.FeePayments.AsNoTracking().Where(p => ids.Contains(p.AgreementId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.AgreementId);
        var todos = withFee
            .Where(a => a.Instalments.Any(i => i.IsOverdueOn(today, FeeInstalments.StandingFor(i, payments[a.Id].ToList()))))
            .Select(a => (AgreementTodo.FeesOverdue, a.Id)).ToList();

        var days = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.ServiceConfirmationDays).SingleOrDefaultAsync(cancellationToken);
        var late = db.ServiceRecords.Where(ConfirmationWindow.Overdue(ConfirmationWindow.Cutoff(now, days))).Select(r => r.AgreementId);
        todos.AddRange((await visible.Where(a => late.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => (AgreementTodo.RecordsOverdue, id)));
        return todos;
    }

    private static AgreementTodo Of(AgreementTask task) => task switch
    {
        AgreementTask.CompleteDraft => AgreementTodo.Draft,
        AgreementTask.AnswerProposals => AgreementTodo.Proposals,
        AgreementTask.Review => AgreementTodo.Review,
        _ => AgreementTodo.Sign,
    };
}
