using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Domain.Tests.Filings;

/// <summary>
/// Issue 11 point 9, 民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日. A filing due
/// on a statutory holiday (or a weekend that is not a 调休 workday) is due on the first day after the rest.
/// </summary>
public class HolidayDeadlineTests
{
    private static readonly HolidayCalendar National = HolidayCalendar.Of(
        NationalHolidays.All.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
        NationalHolidays.All.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));

    private static DateTimeOffset SignedInBeijing(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void DeadlineInsideTheNationalDayHoliday_MovesToTheDayAfterIt()
    {
        // Signed 2025-09-03: one month ends 2025-10-03, inside 国庆节、中秋节 (10月1日至8日); due 2025-10-09.
        Assert.Equal(new DateOnly(2025, 10, 9), FilingDueDate.From(SignedInBeijing(2025, 9, 3), National));

        // 2026: 国庆节 10月1日至7日; signed 2026-09-05, one month ends 2026-10-05; due 2026-10-08.
        Assert.Equal(new DateOnly(2026, 10, 8), FilingDueDate.From(SignedInBeijing(2026, 9, 5), National));
    }

    [Fact]
    public void DeadlineOnAMakeUpWorkday_StaysThere()
    {
        // 2025-09-28 is a Sunday worked for National Day (调休上班): a deadline may end on it.
        Assert.Equal(new DateOnly(2025, 9, 28), FilingDueDate.From(SignedInBeijing(2025, 8, 28), National));
    }

    [Fact]
    public void DeadlineOnAnOrdinarySaturday_MovesToMonday()
    {
        // 2025-11-15 is a Saturday.
        Assert.Equal(new DateOnly(2025, 11, 17), FilingDueDate.From(SignedInBeijing(2025, 10, 15), National));
    }

    [Fact]
    public void WithoutACalendar_NothingMoves()
    {
        Assert.Equal(new DateOnly(2025, 10, 3), FilingDueDate.From(SignedInBeijing(2025, 9, 3)));
    }

    [Fact]
    public void NationalCalendar_2027_HasTheStatutoryLunarHolidays()
    {
        // 《全国年节及纪念日放假办法》第二条: 春节 除夕、正月初一至初三; 端午 五月初五; 中秋 八月十五 (2027: 2月5日–8日, 6月9日, 9月15日).
        var days = NationalHolidays.All.Where(d => d.Date.Year == 2027 && d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToList();

        Assert.Contains(new DateOnly(2027, 2, 5), days);
        Assert.Contains(new DateOnly(2027, 2, 8), days);
        Assert.Contains(new DateOnly(2027, 6, 9), days);
        Assert.Contains(new DateOnly(2027, 9, 15), days);
        Assert.Contains(new DateOnly(2027, 10, 3), days);
    }

    [Fact]
    public void CalendarDay_RefusesBadInput_InChinese()
    {
        var problems = CalendarDay.Problems(null, null, " ");

        Assert.Equal(["Date", "Kind", "Name"], problems.Select(p => p.Field));
        Assert.Throws<DomainException>(() => new CalendarDay(Guid.NewGuid(), new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, ""));
    }
}
