using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
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

        return todos.ToLookup(t => t.Todo, t => t.Id);
    }

    private static AgreementTodo Of(AgreementTask task) => task switch
    {
        AgreementTask.CompleteDraft => AgreementTodo.Draft,
        AgreementTask.AnswerProposals => AgreementTodo.Proposals,
        AgreementTask.Review => AgreementTodo.Review,
        _ => AgreementTodo.Sign,
    };
}
