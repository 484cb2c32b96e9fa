namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 履约率 (issue 15, ADR 034): over the plan lines of ended periods, the confirmed deliveries each line counts — at most
/// its agreed count, so that one item delivered twice over does not hide another left undone — divided by the agreed
/// counts. Pending and disputed records never count as delivered (未确认的记录不得默认通过). The regulators' totals
/// sum <see cref="Counted"/> per line in SQL (least(confirmed, agreed)); this is the same rule.
/// </summary>
public static class FulfilmentRate
{
    /// <summary>What one line contributes to the numerator.</summary>
    public static int Counted(int confirmed, int agreed) => Math.Max(0, Math.Min(confirmed, agreed));

    /// <summary>The rate, or null when nothing was agreed.</summary>
    public static double? Of(long delivered, long agreed) => agreed <= 0 ? null : (double)delivered / agreed;

    /// <summary>The rate of a set of lines, each counted by <see cref="Counted"/>.</summary>
    public static double? Of(IEnumerable<FulfilmentLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        return Of(list.Sum(l => (long)Counted(l.Confirmed, l.Plan.AgreedCount)), list.Sum(l => (long)l.Plan.AgreedCount));
    }
}
