using System.Linq.Expressions;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// Whose turn it is on a filing, and 逾期, written once as expressions: pages count and list in SQL exactly what the
/// aggregate and the badges decide in memory (issue 10: to-do counts; issue 13: one overdue rule).
/// </summary>
public static class FilingTurn
{
    // 逾期: never submitted and the due date (2020 guide 六(四): one month after signing) has passed in Beijing; or the
    // bureau asked for a correction (需补正) and its correction deadline has passed without one (issue 11 point 10:
    // 告知 is notification, a correction not made in time leaves the bureau uninformed again). Both deadlines include
    // their last day (截止 X（含当日）).
    private static readonly Expression<Func<FilingStatus, DateOnly, DateOnly?, DateOnly, bool>> OverdueRule =
        (status, dueDate, correctionDueDate, todayInBeijing) =>
            (status == FilingStatus.Pending && dueDate < todayInBeijing)
            || (status == FilingStatus.Returned && correctionDueDate != null && correctionDueDate < todayInBeijing);

    private static readonly Func<FilingStatus, DateOnly, DateOnly?, DateOnly, bool> Overdue = OverdueRule.Compile();

    /// <summary>The parties inform the bureau (待报送) or correct what it asked them to (需补正).</summary>
    public static Expression<Func<Filing, bool>> AwaitingParties { get; } =
        f => f.Status == FilingStatus.Pending || f.Status == FilingStatus.Returned;

    /// <summary>The county bureau acknowledges (已备案) or asks for a correction (需补正) of what was submitted (已报送).</summary>
    public static Expression<Func<Filing, bool>> AwaitingBureau { get; } = f => f.Status == FilingStatus.Submitted;

    /// <summary>The deadline the parties work to: the correction deadline while 需补正, else the due date.</summary>
    public static DateOnly CurrentDeadline(FilingStatus status, DateOnly dueDate, DateOnly? correctionDueDate) =>
        status == FilingStatus.Returned && correctionDueDate is { } d ? d : dueDate;

    public static bool IsOverdue(FilingStatus status, DateOnly dueDate, DateOnly? correctionDueDate, DateOnly todayInBeijing) =>
        Overdue(status, dueDate, correctionDueDate, todayInBeijing);

    /// <summary>The overdue rule as a query predicate; the day is sent as a parameter, not as a literal.</summary>
    public static Expression<Func<Filing, bool>> OverdueOn(DateOnly todayInBeijing)
    {
        var filing = Expression.Parameter(typeof(Filing), "f");
        Expression<Func<DateOnly>> today = () => todayInBeijing;
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [OverdueRule.Parameters[0]] = Expression.Property(filing, nameof(Filing.Status)),
            [OverdueRule.Parameters[1]] = Expression.Property(filing, nameof(Filing.DueDate)),
            [OverdueRule.Parameters[2]] = Expression.Property(filing, nameof(Filing.CorrectionDueDate)),
            [OverdueRule.Parameters[3]] = today.Body,
        }).Visit(OverdueRule.Body);
        return Expression.Lambda<Func<Filing, bool>>(body, filing);
    }

    /// <summary>
    /// The filings shown in <paramref name="status"/> on <paramref name="todayInBeijing"/>, as the badge shows them
    /// (<see cref="Filing.StatusLabel"/>): 逾期 is a state of its own, so 待报送 and 需补正 are those not overdue. The list's
    /// tabs and the dashboard's columns both count by this one definition; with <see cref="OverdueOn"/> the five are a
    /// partition of the filings.
    /// </summary>
    public static Expression<Func<Filing, bool>> ShownAs(FilingStatus status, DateOnly todayInBeijing)
    {
        var overdue = OverdueOn(todayInBeijing);
        Expression<Func<FilingStatus>> wanted = () => status;
        var filing = overdue.Parameters[0];
        var body = Expression.AndAlso(
            Expression.Equal(Expression.Property(filing, nameof(Filing.Status)), wanted.Body),
            Expression.Not(overdue.Body));
        return Expression.Lambda<Func<Filing, bool>>(body, filing);
    }

    /// <summary><see cref="CurrentDeadline"/> as a query expression: the correction deadline while 需补正, else the due date.</summary>
    public static Expression<Func<Filing, FilingDeadline>> WithDeadline { get; } =
        f => new FilingDeadline
        {
            Filing = f,
            Deadline = f.Status == FilingStatus.Returned && f.CorrectionDueDate != null ? f.CorrectionDueDate.Value : f.DueDate,
        };

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}

/// <summary>A filing with the deadline it is judged by now (<see cref="FilingTurn.WithDeadline"/>).</summary>
public sealed class FilingDeadline
{
    public required Filing Filing { get; init; }

    public required DateOnly Deadline { get; init; }
}
