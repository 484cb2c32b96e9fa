using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Todo;

/// <summary>
/// One line of a home's 待办: a count and the list that shows exactly those rows. <see cref="Key"/> names it for
/// tests; <see cref="Urgent"/> marks what is late (逾期).
/// </summary>
public sealed record TodoLine(string Key, string Label, int Count, string Href, bool Urgent = false);

/// <summary>
/// Each role's to-do (issue 10): the agreements waiting for the user's side (<see cref="AgreementTodos"/>) and the
/// filings in the user's scope (<see cref="FilingScope"/>) waiting for it, counted in SQL by the domain's rules
/// (<see cref="FilingTurn"/>).
/// </summary>
public sealed class TodoQuery(PortalDbContext db, AgreementTodos agreements, TimeProvider clock)
{
    private static readonly AgreementTodo[] ElderCareTodos = [AgreementTodo.Draft, AgreementTodo.Proposals, AgreementTodo.Sign, AgreementTodo.Termination, AgreementTodo.RecordsOverdue, AgreementTodo.FeesOverdue];
    private static readonly AgreementTodo[] MedicalTodos = [AgreementTodo.Review, AgreementTodo.Sign, AgreementTodo.Termination, AgreementTodo.Receipts];

    public async Task<IReadOnlyList<TodoLine>> ForAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        var today = BeijingTime.Today(clock.GetUtcNow());
        var filings = FilingScope.Visible(db, me);
        var overdue = new TodoLine(
            "filings-overdue", TodoLabels.FilingsOverdue, await filings.CountAsync(FilingTurn.OverdueOn(today), cancellationToken),
            "~/filings?overdue=true", Urgent: true);
        if (me.Role == PortalRole.Regulator)
        {
            var toReview = await filings.CountAsync(FilingTurn.AwaitingBureau, cancellationToken);
            return [new("filings-review", TodoLabels.FilingsToReview, toReview, "~/filings?status=Submitted"), overdue];
        }

        if (me.Party is not { } party)
        {
            return [];
        }

        var todos = await agreements.ForAsync(me, cancellationToken);
        var lines = (party == AgreementParty.ElderCare ? ElderCareTodos : MedicalTodos).Select(t => Line(t, todos)).ToList();
        lines.Add(new(
            "filings-submit", TodoLabels.FilingsToSubmit, await filings.CountAsync(FilingTurn.AwaitingParties, cancellationToken),
            "~/filings?todo=submit"));
        lines.Add(overdue);
        if (party == AgreementParty.ElderCare)
        {
            lines.Add(Line(AgreementTodo.Ending, todos));
        }

        return lines;
    }

    private static TodoLine Line(AgreementTodo todo, ILookup<AgreementTodo, Guid> todos)
    {
        var key = todo.ToString().ToLowerInvariant();
        // What is late (ADR 035: 逾期未付, 逾期未确认) is marked like the overdue filings.
        var urgent = todo is AgreementTodo.FeesOverdue or AgreementTodo.RecordsOverdue;
        return new TodoLine(key, TodoLabels.Of(todo), todos[todo].Count(), "~/agreements?todo=" + key, urgent);
    }
}
