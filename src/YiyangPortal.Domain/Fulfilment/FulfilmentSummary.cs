namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// One plan line against what was delivered in its period: recorded (standing records, answered or not), confirmed by
/// the elder-care institution, disputed. Only confirmed deliveries fulfil the plan (issue 15: 未确认的记录不得默认通过).
/// </summary>
public sealed record FulfilmentLine(PlanLine Plan, int Recorded, int Confirmed, int Pending, int Disputed)
{
    /// <summary>How many confirmed deliveries (or residents, for 人次) are missing; 0 when the plan is met.</summary>
    public int Shortfall => Math.Max(0, Plan.AgreedCount - Confirmed);

    /// <summary>
    /// The term covers so little of the period that its prorated share rounds to none (a term ending on 7 October owes
    /// 2 × 7/31 of a monthly 2): nothing is owed, which is not the same as a plan met.
    /// </summary>
    public bool OwesNothing => Plan.AgreedCount == 0;

    /// <summary>The period is over and the confirmed count stayed below the agreed one: 未完成.</summary>
    public bool IsShortOn(DateOnly today) => Plan.Period.End < today && Shortfall > 0;
}

/// <summary>
/// 履约情况: the plan of an agreement against its service records. A record replaced by a correction no longer counts;
/// its correction does.
/// </summary>
public static class FulfilmentSummary
{
    public static IReadOnlyList<FulfilmentLine> Of(IEnumerable<PlanLine> plan, IEnumerable<ServiceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        var standing = Standing(records.ToList()).ToLookup(r => r.AgreementItemId);
        return plan.Select(line => Line(line, standing[line.AgreementItemId].Where(r => line.Period.Contains(r.ServiceDate)))).ToList();
    }

    /// <summary>The standing records: those no correction replaced.</summary>
    public static IEnumerable<ServiceRecord> Standing(IReadOnlyCollection<ServiceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var replaced = records.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        return records.Where(r => !replaced.Contains(r.Id));
    }

    private static FulfilmentLine Line(PlanLine plan, IEnumerable<ServiceRecord> records)
    {
        int Count(IEnumerable<ServiceRecord> rs) => plan.Measure == PlanMeasure.ResidentsServed ? rs.Sum(r => r.ResidentsServed) : rs.Count();
        var list = records.ToList();
        return new FulfilmentLine(
            plan,
            Count(list),
            Count(list.Where(r => r.Status == ServiceRecordStatus.Confirmed)),
            Count(list.Where(r => r.Status == ServiceRecordStatus.Pending)),
            Count(list.Where(r => r.Status == ServiceRecordStatus.Disputed)));
    }
}
