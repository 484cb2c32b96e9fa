using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// The tenant's holidays and 调休 workdays for a filing deadline (issue 11 point 9): the one calendar both the due date
/// (one month after signing) and a 补正 deadline move by (民法典 第二百零三条).
/// </summary>
public static class FilingCalendar
{
    /// <summary>The calendar from <paramref name="from"/> for three months; no calendar configured moves nothing.</summary>
    public static async Task<HolidayCalendar> AroundAsync(PortalDbContext db, DateOnly from, CancellationToken cancellationToken)
    {
        var to = from.AddMonths(3);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to)
            .Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        if (days.Count == 0 && !await db.CalendarDays.AnyAsync(cancellationToken))
        {
            return HolidayCalendar.None;
        }

        return HolidayCalendar.Of(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));
    }
}
