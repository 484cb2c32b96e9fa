namespace YiyangPortal.Domain.Common;

/// <summary>
/// Rest days for deadlines. 民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日.
/// 法定休假日 are the statutory holidays and the weekly rest days (Saturday, Sunday), except the weekend days worked
/// in exchange (调休上班). A tenant's calendar lists the holidays and the 调休 workdays (issue 11 point 9);
/// <see cref="None"/> — no calendar configured — moves nothing.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly bool _weekendsRest;

    private HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, bool weekendsRest)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _weekendsRest = weekendsRest;
    }

    /// <summary>No calendar: every day counts as a working day (as before calendars existed).</summary>
    public static HolidayCalendar None { get; } = new([], [], weekendsRest: false);

    /// <summary>A tenant's calendar: its holidays and 调休 workdays, with weekends as rest days.</summary>
    public static HolidayCalendar Of(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays) => new(holidays, workdays, weekendsRest: true);

    /// <summary>A 法定休假日: a listed holiday, or a weekend day that is not a 调休 workday.</summary>
    public bool IsRestDay(DateOnly day) =>
        _holidays.Contains(day)
        || (_weekendsRest && (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) && !_workdays.Contains(day));

    /// <summary>
    /// The last day of a period whose last day by the calendar is <paramref name="end"/>: that day, or, when it is a
    /// 法定休假日, the day after the rest ends (民法典 第二百零三条).
    /// </summary>
    public DateOnly LastDay(DateOnly end)
    {
        var day = end;
        while (IsRestDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
