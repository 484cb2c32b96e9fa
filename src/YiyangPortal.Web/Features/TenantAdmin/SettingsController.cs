using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <summary>The settings form, as typed (a string, so what was typed comes back with its message).</summary>
public sealed record SettingsPage(string? TerminationNoticeDays);

/// <summary>
/// 协议设置: the city's rules for agreements its administrator sets — the notice period after which a 单方通知
/// termination takes effect without the other party's confirmation (2020 guide 六(二); docs/decisions/025).
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/settings")]
public sealed class SettingsController(PortalDbContext db) : PortalController
{
    private const string View_ = "~/Features/TenantAdmin/Settings.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == TenantId).Select(t => t.TerminationNoticeDays).SingleAsync();
        return View(View_, new SettingsPage(days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string? terminationNoticeDays)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == TenantId);
        try
        {
            tenant.SetTerminationNoticeDays(LenientNumbers.TryParseInt(terminationNoticeDays, out var days)
                ? days
                : throw new DomainException("请填写通知期天数（整数）。"));
        }
        catch (DomainException e)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(SettingsPage.TerminationNoticeDays), L.Message(e));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(View_, new SettingsPage(terminationNoticeDays));
        }

        await db.SaveChangesAsync();
        TempData["Flash"] = "已保存协议设置。";
        return Redirect("~/admin/settings");
    }
}
