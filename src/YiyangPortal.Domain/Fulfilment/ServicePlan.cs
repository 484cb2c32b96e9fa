using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
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
/// agreement, which cannot change while in force, so it is computed when read (ADR 033).
/// </summary>
public static class ServicePlan
{
    /// <summary>The plan of an agreement that came into force (已生效, 已到期 or 已终止); empty for any other.</summary>
    public static IReadOnlyList<PlanLine> Of(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        return agreement.IncludedItems
            .Where(i => i.Frequency > 0 && i.Unit != ServiceUnit.PerBedDay)
            .SelectMany(item => LinesOf(agreement, item, days))
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

    private static IEnumerable<PlanLine> LinesOf(Agreement agreement, AgreementItem item, (DateOnly From, DateOnly To) days)
    {
        var (title, doctors) = ConditionsOf(agreement, item);
        var measure = item.Unit == ServiceUnit.PerPerson ? PlanMeasure.ResidentsServed : PlanMeasure.Deliveries;
        var perPeriod = ServicePeriod.CountPerPeriod(item.Frequency, item.Unit);
        foreach (var period in Periods(ServicePeriod.KindFor(item.Unit), days.From, days.To))
        {
            var covered = Math.Min(period.End.DayNumber, days.To.DayNumber) - Math.Max(period.Start.DayNumber, days.From.DayNumber) + 1;
            var agreed = covered == period.Days
                ? perPeriod
                : (int)Math.Round((decimal)perPeriod * covered / period.Days, MidpointRounding.AwayFromZero);
            yield return new PlanLine(item.Id, item.Name, item.Unit, item.Frequency, period, agreed, measure, title, doctors);
        }
    }

    private static IEnumerable<ServicePeriod> Periods(PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (kind == PeriodKind.Year)
        {
            for (var start = from; start <= to; start = start.AddYears(1))
            {
                yield return new ServicePeriod(kind, start, start.AddYears(1).AddDays(-1));
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
