using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <summary>A day typed into the add form, as typed.</summary>
public sealed class CalendarDayForm
{
    public string? Date { get; set; }

    public CalendarDayKind? Kind { get; set; }

    public string? Name { get; set; }
}

public sealed record HolidaysPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<CalendarDay> Days, CalendarDayForm Form);

/// <summary>
/// 节假日: the city's holiday calendar (issue 11 point 9), seeded with the national 法定节假日 and 调休
/// (<see cref="NationalHolidays"/>) and kept by its administrator. Filing due dates that fall on a rest day move to
/// the day after it (民法典 第二百零三条), for agreements signed after the change.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/holidays")]
public sealed class HolidaysController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string View_ = "~/Features/TenantAdmin/Holidays.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year) => View(View_, await PageAsync(year, new CalendarDayForm()));

    [HttpPost("")]
    public async Task<IActionResult> Add(CalendarDayForm form)
    {
        DateOnly? date = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        foreach (var problem in CalendarDay.Problems(date, form.Kind, form.Name))
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (date is { } day && await db.CalendarDays.AnyAsync(c => c.Date == day))
        {
            ModelState.AddModelError(nameof(form.Date), L["该日期已在日历中，请先删除原记录。"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(View_, await PageAsync(date?.Year, form));
        }

        db.CalendarDays.Add(new CalendarDay(TenantId, date!.Value, form.Kind!.Value, form.Name!));
        await db.SaveChangesAsync();
        Flash(L["已添加 {0}。", date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        return RedirectToAction(nameof(Index), new { year = date.Value.Year });
    }

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id)
    {
        if (await db.CalendarDays.SingleOrDefaultAsync(d => d.Id == id) is not { } day)
        {
            return NotFound();
        }

        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync();
        Flash(L["已删除 {0}（{1}）。", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Name]);
        return RedirectToAction(nameof(Index), new { year = day.Date.Year });
    }

    private async Task<HolidaysPage> PageAsync(int? year, CalendarDayForm form)
    {
        var shown = year is >= 2000 and <= 2099 ? year.Value : BeijingTime.Today(clock.GetUtcNow()).Year;
        var from = new DateOnly(shown, 1, 1);
        var to = new DateOnly(shown, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync();
        var years = await db.CalendarDays.AsNoTracking().Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync();
        return new HolidaysPage(shown, years.Contains(shown) ? years : [.. years.Append(shown).Order()], days, form);
    }
}
