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
public sealed record SettingsPage(string? TerminationNoticeDays, string? ServiceConfirmationDays);

/// <summary>
/// 协议设置: the city's rules for agreements its administrator sets — the notice period after which a 单方通知
/// termination takes effect without the other party's confirmation (2020 guide 六(二); docs/decisions/025), and the
/// window within which a home confirms or disputes a service record before it is flagged 逾期未确认 (ADR 035).
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/settings")]
public sealed class SettingsController(PortalDbContext db) : PortalController
{
    private const string View_ = "~/Features/TenantAdmin/Settings.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == TenantId)
            .Select(t => new { t.TerminationNoticeDays, t.ServiceConfirmationDays }).SingleAsync();
        return View(View_, new SettingsPage(
            days.TerminationNoticeDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            days.ServiceConfirmationDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string? terminationNoticeDays, string? serviceConfirmationDays)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == TenantId);
        ModelState.Clear();
        Apply(nameof(SettingsPage.TerminationNoticeDays), () => tenant.SetTerminationNoticeDays(LenientNumbers.TryParseInt(terminationNoticeDays, out var days)
            ? days
            : throw new DomainException("请填写通知期天数（整数）。")));
        if (serviceConfirmationDays is not null)
        {
            // A form without the field (an older page) leaves the window as it is.
            Apply(nameof(SettingsPage.ServiceConfirmationDays), () => tenant.SetServiceConfirmationDays(LenientNumbers.TryParseInt(serviceConfirmationDays, out var days)
                ? days
                : throw new DomainException("请填写确认时限天数（整数）。")));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(View_, new SettingsPage(terminationNoticeDays, serviceConfirmationDays ?? tenant.ServiceConfirmationDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await db.SaveChangesAsync();
        TempData["Flash"] = "已保存协议设置。";
        return Redirect("~/admin/settings");
    }

    /// <summary>Runs one setting's change; its refusal goes next to its field, and nothing is saved.</summary>
    private void Apply(string field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, L.Message(e));
        }
    }
}
