using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>One day of the 服务日历: whether it is in the month shown and in the service days, and its visits.</summary>
public sealed record VisitDay(DateOnly Day, bool InMonth, bool InTerm, bool IsToday, IReadOnlyList<ServiceRecord> Visits);

/// <summary>
/// 服务日历 (issue 15): a month as whole weeks, Monday first (GB/T 7408 and Chinese calendars), each day with the month's
/// standing service records (a record a correction replaced shows as its correction). Days outside the agreement's
/// service days are marked so the page can grey them.
/// </summary>
public sealed record VisitCalendar(DateOnly Month, IReadOnlyList<IReadOnlyList<VisitDay>> Weeks)
{
    public bool HasVisits => Weeks.Any(w => w.Any(d => d.Visits.Count > 0));

    public static VisitCalendar Of(
        DateOnly month, (DateOnly From, DateOnly To)? serviceDays, IEnumerable<ServiceRecord> records, IReadOnlySet<Guid> replaced, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(replaced);
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var byDay = records.Where(r => !replaced.Contains(r.Id)).OrderBy(r => r.RecordedAtUtc).ToLookup(r => r.ServiceDate);
        // DayOfWeek counts from Sunday; the week here starts on Monday.
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var weeks = new List<IReadOnlyList<VisitDay>>();
        for (var monday = start; monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => new VisitDay(
                d,
                d.Month == first.Month && d.Year == first.Year,
                serviceDays is { } s && d >= s.From && d <= s.To,
                d == today,
                d.Month == first.Month ? byDay[d].ToList() : [])).ToList());
        }

        return new VisitCalendar(first, weeks);
    }
}
