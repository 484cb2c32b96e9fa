using YiyangPortal.Domain.Catalogue;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// How an item's frequency turns into a yearly quantity. The frequency counts the unit per its natural period:
/// 次/周 × 52 weeks, 次/月 and 月 × 12 months, 次/年 and 年 × 1. Units without a period of their own (次, 人次, 床日)
/// carry the expected count per year. 52 weeks (not 52.18) keeps estimates whole and easy to check by hand.
/// </summary>
public static class ItemFrequency
{
    public static int PeriodsPerYear(ServiceUnit unit) => unit switch
    {
        ServiceUnit.TimesPerWeek => 52,
        ServiceUnit.TimesPerMonth or ServiceUnit.PerMonth => 12,
        _ => 1,
    };

    /// <summary>
    /// "4 次/月", "12 次/年": an agreed frequency as every page, the PDF schedule, the public list, the history and the
    /// domain's messages print it — the one place that writes a number with its unit.
    /// </summary>
    public static string Format(int frequency, ServiceUnit unit) => $"{frequency} {ChineseUnit(unit)}";

    /// <summary>Chinese unit as printed after a frequency, e.g. "4 次/月".</summary>
    public static string ChineseUnit(ServiceUnit unit) => unit switch
    {
        ServiceUnit.PerVisit => "次/年",
        ServiceUnit.TimesPerWeek => "次/周",
        ServiceUnit.TimesPerMonth => "次/月",
        ServiceUnit.TimesPerYear => "次/年",
        ServiceUnit.PerPerson => "人次/年",
        ServiceUnit.PerMonth => "份/月",
        ServiceUnit.PerYear => "份/年",
        ServiceUnit.PerBedDay => "床日/年",
        _ => string.Empty,
    };
}
