namespace YiyangPortal.Domain.Common;

/// <summary>
/// Periods as the Civil Code counts them. 民法典 第二百零一条: the day an event happens is not counted; the period runs
/// from the next day. 第二百零二条: a period of months or years ends on the corresponding day of the last month, or on
/// that month's last day where it has none. So a year from 2026-03-02 ends on 2027-03-02, and a year from 2028-02-29
/// on 2029-02-28; <see cref="DateOnly.AddYears"/> and <see cref="DateOnly.AddMonths"/> clamp exactly that way.
/// (第二百零三条, a last day that is a statutory holiday, is the filing deadlines' concern.)
/// </summary>
public static class CivilCodePeriod
{
    /// <summary>The last day of a period of <paramref name="years"/> years counted from <paramref name="eventDay"/>.</summary>
    public static DateOnly EndOfYears(DateOnly eventDay, int years) => eventDay.AddYears(years);

    /// <summary>The last day of a period of <paramref name="months"/> months counted from <paramref name="eventDay"/>.</summary>
    public static DateOnly EndOfMonths(DateOnly eventDay, int months) => eventDay.AddMonths(months);
}
