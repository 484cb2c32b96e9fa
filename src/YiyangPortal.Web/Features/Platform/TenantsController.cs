using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>One row of 城市租户.</summary>
public sealed record TenantRow(Guid Id, string Name, string Slug, string DivisionCode, bool IsActive);

/// <summary>The confirmation of 停用 or 启用: the city as read, its row version (xmin), and the state asked for.</summary>
public sealed record TenantSwitchPage(Tenant Tenant, uint Version, bool Activate, string? Conflict = null);

/// <summary>Shown once after 新增城市: where the city signs in, and its first admin's initial password.</summary>
public sealed record CityCreatedPage(string Name, string Slug, int Counties, string AdminEmail, string AdminName, string Password);

/// <summary>
/// 城市租户 (ADR 054): the platform operator lists the city deployments, adds a city with its counties and first
/// 租户管理员 (<see cref="CityProvisioning"/>), and 停用/启用 a city. Platform accounts belong to no city, so no 停用
/// can lock the operator out.
/// </summary>
[Authorize(Policy = PortalPolicies.PlatformAdmin)]
[Route("platform/tenants")]
public sealed partial class TenantsController(
    PortalDbContext db, IServiceScopeFactory scopes, TenantCatalog catalog, ILogger<TenantsController> logger) : PortalController
{
    private const string Views = "~/Features/Platform/";

    public const string SwitchConflict = "该城市刚刚已被其他运维人员{0}，本次操作未执行。";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(Views + "Tenants.cshtml", await db.Tenants.AsNoTracking()
        .OrderBy(t => t.DivisionCode)
        .Select(t => new TenantRow(t.Id, t.Name, t.Slug, t.DivisionCode, t.IsActive))
        .ToListAsync());

    [HttpGet("new")]
    public IActionResult New() => View(Views + "NewCity.cshtml", new NewCityForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewCityForm form)
    {
        var slug = form.Slug?.Trim();
        var code = form.DivisionCode?.Trim();
        foreach (var problem in Tenant.Problems(slug, form.Name, code))
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        var (counties, countyProblems) = CityCounties.Parse(form.Counties, code);
        foreach (var problem in countyProblems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (ModelState.GetFieldValidationState(nameof(form.Slug)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync() is { } slugOwner)
        {
            ModelState.AddModelError(nameof(form.Slug), L["租户标识“{0}”已由{1}使用，请换一个。", slug!, slugOwner]);
        }

        if (ModelState.GetFieldValidationState(nameof(form.DivisionCode)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.Tenants.Where(t => t.DivisionCode == code).Select(t => t.Name).FirstOrDefaultAsync() is { } codeOwner)
        {
            ModelState.AddModelError(nameof(form.DivisionCode), L["行政区划代码 {0} 已是{1}的代码，一个城市只能开通一次。", code!, codeOwner]);
        }

        if (!ModelState.IsValid)
        {
            return Refused(form);
        }

        ProvisionedCity created;
        try
        {
            created = await CityProvisioning.CreateAsync(
                scopes, new NewCity(slug!, form.Name!, code!, counties), new FirstAdmin(form.AdminEmail!, form.AdminName!), HttpContext.RequestAborted);
        }
        catch (CityTakenException taken)
        {
            // Another operator saved the same slug or code between our check and our save: the unique index said no.
            ModelState.AddModelError(taken.Field, taken.Field == nameof(form.Slug)
                ? L["该租户标识刚刚已被其他运维人员使用，城市未创建，请换一个。"]
                : L["该行政区划代码的城市刚刚已被其他运维人员开通，城市未创建。"]);
            return Refused(form);
        }
        catch (CityAdminRefusedException refused)
        {
            ModelState.AddModelError(nameof(form.AdminEmail), L["账户未能创建：{0}", refused.Reasons]);
            return Refused(form);
        }

        catalog.Invalidate();
        LogCreated(logger, created.Tenant.Id, created.Tenant.Slug, Me.Id);
        Response.Headers.CacheControl = "no-store"; // the password must not stay in a cache or the back button
        return View(Views + "CityCreated.cshtml", new CityCreatedPage(
            created.Tenant.Name, created.Tenant.Slug, counties.Count, form.AdminEmail!.Trim(), form.AdminName!.Trim(), created.AdminPassword!));
    }

    [HttpGet("{id:guid}/deactivate")]
    public Task<IActionResult> ConfirmDeactivate(Guid id) => ConfirmAsync(id, activate: false);

    [HttpGet("{id:guid}/activate")]
    public Task<IActionResult> ConfirmActivate(Guid id) => ConfirmAsync(id, activate: true);

    [HttpPost("{id:guid}/deactivate")]
    public Task<IActionResult> Deactivate(Guid id, uint? version) => SwitchAsync(id, version, activate: false);

    [HttpPost("{id:guid}/activate")]
    public Task<IActionResult> Activate(Guid id, uint? version) => SwitchAsync(id, version, activate: true);

    private async Task<IActionResult> ConfirmAsync(Guid id, bool activate)
    {
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Id == id) is not { } tenant) { return NotFound(); }
        return View(Views + "TenantSwitch.cshtml", new TenantSwitchPage(tenant, VersionOf(tenant), activate));
    }

    private async Task<IActionResult> SwitchAsync(Guid id, uint? version, bool activate)
    {
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Id == id) is not { } tenant) { return NotFound(); }
        var done = L[activate ? "启用" : "停用"].Value;
        if (tenant.IsActive == activate || version is null)
        {
            return SwitchConflicted(tenant, activate, done);
        }

        db.Entry(tenant).Property<uint>("xmin").OriginalValue = version.Value;
        if (activate) { tenant.Activate(); } else { tenant.Deactivate(); }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.Tenants.SingleOrDefaultAsync(t => t.Id == id) is not { } fresh) { return NotFound(); }
            return SwitchConflicted(fresh, activate, L[fresh.IsActive ? "启用" : "停用"].Value);
        }

        catalog.Invalidate();
        LogSwitched(logger, tenant.Id, activate, Me.Id);
        Flash(activate ? L["已启用{0}，该市用户可以重新登录。", tenant.Name] : L["已停用{0}，该市的页面现显示“门户已停用”。", tenant.Name]);
        return Redirect("~/platform/tenants");
    }

    /// <summary>The city changed since the page was shown: say what it is now, and offer the step again if it still applies.</summary>
    private ViewResult SwitchConflicted(Tenant tenant, bool activate, string stateNow)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(Views + "TenantSwitch.cshtml", new TenantSwitchPage(tenant, VersionOf(tenant), activate, L[SwitchConflict, stateNow]));
    }

    private ViewResult Refused(NewCityForm form)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(Views + "NewCity.cshtml", form);
    }

    private uint VersionOf(Tenant tenant) => db.Entry(tenant).Property<uint>("xmin").CurrentValue;

    [LoggerMessage(Level = LogLevel.Information, Message = "City {TenantId} ({Slug}) created by platform user {UserId}")]
    private static partial void LogCreated(ILogger logger, Guid tenantId, string slug, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "City {TenantId} set active={Active} by platform user {UserId}")]
    private static partial void LogSwitched(ILogger logger, Guid tenantId, bool active, Guid userId);
}
