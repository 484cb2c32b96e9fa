using System.Linq.Expressions;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// Whose turn it is on a filing, and 逾期, written once as expressions: pages count and list in SQL exactly what the
/// aggregate and the badges decide in memory (issue 10: to-do counts; issue 13: one overdue rule).
/// </summary>
public static class FilingTurn
{
    // 逾期: never submitted and the due date (2020 guide 六(四): one month after signing) has passed in Beijing.
    private static readonly Expression<Func<FilingStatus, DateOnly, DateOnly, bool>> OverdueRule =
        (status, dueDate, todayInBeijing) => status == FilingStatus.Pending && dueDate < todayInBeijing;

    private static readonly Func<FilingStatus, DateOnly, DateOnly, bool> Overdue = OverdueRule.Compile();

    /// <summary>The parties inform the bureau (待报送) or correct what it returned (退回补正).</summary>
    public static Expression<Func<Filing, bool>> AwaitingParties { get; } =
        f => f.Status == FilingStatus.Pending || f.Status == FilingStatus.Returned;

    /// <summary>The county bureau acknowledges or returns what was submitted (已报送).</summary>
    public static Expression<Func<Filing, bool>> AwaitingBureau { get; } = f => f.Status == FilingStatus.Submitted;

    public static bool IsOverdue(FilingStatus status, DateOnly dueDate, DateOnly todayInBeijing) =>
        Overdue(status, dueDate, todayInBeijing);

    /// <summary>The overdue rule as a query predicate; the day is sent as a parameter, not as a literal.</summary>
    public static Expression<Func<Filing, bool>> OverdueOn(DateOnly todayInBeijing)
    {
        var filing = Expression.Parameter(typeof(Filing), "f");
        Expression<Func<DateOnly>> today = () => todayInBeijing;
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [OverdueRule.Parameters[0]] = Expression.Property(filing, nameof(Filing.Status)),
            [OverdueRule.Parameters[1]] = Expression.Property(filing, nameof(Filing.DueDate)),
            [OverdueRule.Parameters[2]] = today.Body,
        }).Visit(OverdueRule.Body);
        return Expression.Lambda<Func<Filing, bool>>(body, filing);
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
