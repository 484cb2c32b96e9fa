using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 履约情况 of one agreement year (ADR 040), what the yearly 履约情况报告 prints: the plan lines of the year against the
/// confirmed records, the shortfalls of ended periods and the 履约率 over them (<see cref="FulfilmentRate"/>, the
/// regulators' rule). A calendar month or quarter that starts before the term belongs to the year holding the term's
/// first day in it; one that straddles two agreement years belongs to the year it starts in.
/// </summary>
/// <param name="AsOf">The Beijing day the figures are taken on: periods ending before it count.</param>
public sealed record FulfilmentYear(AgreementYear Year, IReadOnlyList<FulfilmentLine> Lines, DateOnly AsOf)
{
    /// <summary>The lines of periods that are over: only these count in the rate and can be short.</summary>
    public IReadOnlyList<FulfilmentLine> Ended => Lines.Where(l => l.Plan.Period.End < AsOf).ToList();

    /// <summary>履约率 of the ended periods, or null when none ended or nothing was agreed in them.</summary>
    public double? Rate => FulfilmentRate.Of(Ended);

    /// <summary>The agreed counts of the ended periods (the rate's denominator).</summary>
    public long Agreed => Ended.Sum(l => (long)l.Plan.AgreedCount);

    /// <summary>The confirmed deliveries the rate counts, each line at most its agreed count (the numerator).</summary>
    public long Counted => Ended.Sum(l => (long)FulfilmentRate.Counted(l.Confirmed, l.Plan.AgreedCount));

    /// <summary>The whole year is over: the report is final.</summary>
    public bool IsComplete => Year.To < AsOf;

    /// <summary>The lines whose period ended short (未完成).</summary>
    public IReadOnlyList<FulfilmentLine> Shortfalls => Lines.Where(l => l.IsShortOn(AsOf)).ToList();

    /// <summary>
    /// The lines of <paramref name="plan"/> (the agreement's, with its supplements: <see cref="ServicePlan"/>) that belong
    /// to <paramref name="year"/> of <paramref name="agreement"/>.
    /// </summary>
    public static IReadOnlyList<PlanLine> PlanOf(Agreement agreement, IEnumerable<PlanLine> plan, AgreementYear year)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(year);
        if (agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        return plan
            .Where(l => (l.Period.Start < days.From ? days.From : l.Period.Start) is var start && start >= year.From && start <= year.To)
            .ToList();
    }

    /// <summary>The year's figures from the agreement's plan and records (any others are ignored).</summary>
    public static FulfilmentYear Of(
        Agreement agreement, IEnumerable<PlanLine> plan, AgreementYear year, IEnumerable<ServiceRecord> records, DateOnly asOf) =>
        new(year, FulfilmentSummary.Of(PlanOf(agreement, plan, year), records), asOf);

    /// <summary>
    /// The year a report is made for when none is asked: the latest that has begun (the one a renewal follows), or the
    /// first when none has; null for an agreement that never came into force.
    /// </summary>
    public static AgreementYear? Latest(Agreement agreement, DateOnly today)
    {
        var years = AgreementEvaluation.YearsOf(agreement);
        return years.LastOrDefault(y => y.From <= today) ?? years.FirstOrDefault();
    }
}
