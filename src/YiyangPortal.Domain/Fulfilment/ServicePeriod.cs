using YiyangPortal.Domain.Catalogue;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>The length of a plan period: the natural period of the agreed frequency.</summary>
public enum PeriodKind
{
    /// <summary>月: a calendar month.</summary>
    Month = 1,

    /// <summary>季度: a calendar quarter.</summary>
    Quarter = 2,

    /// <summary>协议年度: a year of the agreement's term, from the term's first day.</summary>
    Year = 3,
}

/// <summary>
/// A plan period, both ends inclusive (Beijing days). Months and quarters follow the calendar; years follow the
/// agreement (附件2: 有效期一年 from signing, so "每年不少于 4 次随访" counts from that day, not from 1 January).
/// </summary>
public readonly record struct ServicePeriod(PeriodKind Kind, DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The calendar month or quarter that holds <paramref name="day"/>.</summary>
    public static ServicePeriod CalendarContaining(PeriodKind kind, DateOnly day)
    {
        var months = kind == PeriodKind.Quarter ? 3 : 1;
        var start = new DateOnly(day.Year, ((day.Month - 1) / months * months) + 1, 1);
        return new ServicePeriod(kind == PeriodKind.Quarter ? kind : PeriodKind.Month, start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>
    /// The period a frequency counts in: 次/月 and 份/月 per month; 次/周 per quarter (13 weeks make a quarter exactly,
    /// where a month has no whole number of weeks); everything else per agreement year (its count a year, see
    /// <see cref="Agreements.ItemFrequency"/>).
    /// </summary>
    public static PeriodKind KindFor(ServiceUnit unit) => unit switch
    {
        ServiceUnit.TimesPerMonth or ServiceUnit.PerMonth => PeriodKind.Month,
        ServiceUnit.TimesPerWeek => PeriodKind.Quarter,
        _ => PeriodKind.Year,
    };

    /// <summary>How many times a frequency in <paramref name="unit"/> repeats in one period of its kind.</summary>
    public static int CountPerPeriod(int frequency, ServiceUnit unit) =>
        unit == ServiceUnit.TimesPerWeek ? frequency * 13 : frequency;
}
