using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>What a plan line counts: deliveries (次), or residents served (人次).</summary>
public enum PlanMeasure
{
    /// <summary>次: one service record is one delivery.</summary>
    Deliveries = 1,

    /// <summary>人次: the residents served, summed over the records.</summary>
    ResidentsServed = 2,
}

/// <summary>
/// One line of the service plan: an agreed item in one period with the count agreed for it and the clause's
/// conditions (附件1 一、二: 派___名中级职称及以上医师).
/// </summary>
/// <param name="AgreedCount">The frequency for a whole period; in a period the term covers only in part, the share of
/// its days, rounded to the nearest whole number (a term from 16 March owes half of March's 4 坐诊: 2).</param>
/// <param name="RequiredTitle">The lowest title that may deliver it, or null when the clause sets none.</param>
/// <param name="DoctorCount">How many doctors the clause sends each time, or null.</param>
public sealed record PlanLine(
    Guid AgreementItemId,
    string ItemName,
    ServiceUnit Unit,
    int Frequency,
    ServicePeriod Period,
    int AgreedCount,
    PlanMeasure Measure,
    ProfessionalTitle? RequiredTitle,
    int? DoctorCount);

/// <summary>
/// 服务计划: derived from an agreement in force, never typed in. Each agreed item with a frequency becomes one line per
/// period of the term. 床日 (家庭病床) is not a count of visits and gets no line. The plan follows the signed
/// agreement and the 补充协议 that changed it (ADR 043), so it is computed when read (ADR 033) and stored for the
/// regulators' rates when either comes into force (ADR 034).
/// </summary>
public static class ServicePlan
{
    /// <summary>The plan of an agreement that came into force (已生效, 已到期 or 已终止); empty for any other.</summary>
    public static IReadOnlyList<PlanLine> Of(Agreement agreement) => Of(agreement, []);

    /// <summary>
    /// The plan of an original as its 补充协议 changed it (2020 guide 九(二): 如有重大调整，应当及时签订补充协议). From the day
    /// a supplement came into force (Beijing), its frequencies and clause conditions govern the items it shares with
    /// the original (the same catalogue item), and an item it no longer provides owes nothing after that day. A period
    /// a supplement splits owes each version's share of its days, rounded once. The lines keep the original's item ids,
    /// so records and stored totals carry on. An item a supplement adds is not in the original's plan (ADR 043).
    /// </summary>
    /// <param name="supplements">The original's supplements, with their items; those that never came into force are ignored.</param>
    public static IReadOnlyList<PlanLine> Of(Agreement agreement, IEnumerable<Agreement> supplements)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(supplements);
        if (agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        var lines = new Dictionary<(Guid Item, DateOnly Start), (PlanLine Line, decimal Exact)>();
        foreach (var (version, from, to) in Versions(agreement, supplements, days))
        {
            foreach (var item in version.IncludedItems.Where(i => i.Frequency > 0 && i.Unit != ServiceUnit.PerBedDay))
            {
                if (agreement.IncludedItems.FirstOrDefault(i => i.ServiceItemId == item.ServiceItemId) is not { } original)
                {
                    continue;
                }

                foreach (var (line, exact) in LinesOf(version, item, original.Id, days.From, from, to))
                {
                    var key = (line.AgreementItemId, line.Period.Start);
                    // The latest version names the line and sets its conditions; the owed counts add up.
                    lines[key] = lines.TryGetValue(key, out var before) ? (line, before.Exact + exact) : (line, exact);
                }
            }
        }

        var order = agreement.IncludedItems.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index);
        return lines.Values
            .Select(l => l.Line with { AgreedCount = (int)Math.Round(l.Exact, MidpointRounding.AwayFromZero) })
            .OrderBy(l => order[l.AgreementItemId]).ThenBy(l => l.Period.Start)
            .ToList();
    }

    /// <summary>The conditions a clause sets on who delivers its item: 附件1 一、二 中级职称及以上, and how many.</summary>
    public static (ProfessionalTitle? Title, int? Doctors) ConditionsOf(Agreement agreement, AgreementItem item)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(item);
        return item.Clause switch
        {
            TemplateClause.ClinicSessions => (ProfessionalTitle.Intermediate, agreement.Terms.ClinicDoctorCount),
            TemplateClause.WardRounds => (ProfessionalTitle.Intermediate, agreement.Terms.WardRoundDoctorCount),
            _ => (null, null),
        };
    }

    // The days each version governs: the original from the first service day, each supplement in force from the day
    // it came into force until the next one did.
    private static List<(Agreement Version, DateOnly From, DateOnly To)> Versions(
        Agreement original, IEnumerable<Agreement> supplements, (DateOnly From, DateOnly To) days) =>
        AgreementVersions.Of(original, supplements, days).Select(v => (v.Agreement, v.From, v.To)).ToList();

    // The item's periods that overlap [from, to], each with the share of its count those days owe (exact, unrounded):
    // the whole count for a period the days cover, else the share of its days (a term from 16 March owes half of
    // March's 4 坐诊: 2). Years count from the term's first day, whatever slice of it a version governs.
    private static IEnumerable<(PlanLine Line, decimal Exact)> LinesOf(
        Agreement version, AgreementItem item, Guid lineItemId, DateOnly termFrom, DateOnly from, DateOnly to)
    {
        var (title, doctors) = ConditionsOf(version, item);
        var measure = item.Unit == ServiceUnit.PerPerson ? PlanMeasure.ResidentsServed : PlanMeasure.Deliveries;
        var perPeriod = ServicePeriod.CountPerPeriod(item.Frequency, item.Unit);
        foreach (var period in Periods(ServicePeriod.KindFor(item.Unit), termFrom, from, to))
        {
            var covered = Math.Min(period.End.DayNumber, to.DayNumber) - Math.Max(period.Start.DayNumber, from.DayNumber) + 1;
            var exact = covered == period.Days ? perPeriod : (decimal)perPeriod * covered / period.Days;
            yield return (new PlanLine(lineItemId, item.Name, item.Unit, item.Frequency, period, 0, measure, title, doctors), exact);
        }
    }

    private static IEnumerable<ServicePeriod> Periods(PeriodKind kind, DateOnly termFrom, DateOnly from, DateOnly to)
    {
        if (kind == PeriodKind.Year)
        {
            for (var start = termFrom; start <= to; start = start.AddYears(1))
            {
                if (start.AddYears(1).AddDays(-1) >= from)
                {
                    yield return new ServicePeriod(kind, start, start.AddYears(1).AddDays(-1));
                }
            }

            yield break;
        }

        for (var period = ServicePeriod.CalendarContaining(kind, from); period.Start <= to;
             period = ServicePeriod.CalendarContaining(kind, period.End.AddDays(1)))
        {
            yield return period;
        }
    }
}
