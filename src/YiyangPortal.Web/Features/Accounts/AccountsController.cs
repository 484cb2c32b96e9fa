using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Accounts;

public sealed record AccountRow(Guid Id, string DisplayName, string Email, PortalRole Role, string Binding, bool Locked);

public sealed record Option(Guid Id, string Name);

public sealed record AccountFormPage(AccountForm Form, IReadOnlyList<Option> ElderCare, IReadOnlyList<Option> Medical, IReadOnlyList<CountyOption> Counties);

/// <summary>Shown once after creating an account or resetting its password: the admin hands it over.</summary>
public sealed record IssuedPassword(string DisplayName, string Email, string Password);

/// <summary>
/// 账户管理: the tenant admin opens accounts for institution staff, medical admins and regulators of the city, locks
/// them and issues new initial passwords. Bindings are checked against the city's own institutions and counties.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/accounts")]
public sealed class AccountsController(PortalDbContext db, UserManager<PortalUser> users, SessionStamps sessions, TimeProvider clock) : PortalController
{
    /// <summary>A select longer than this is unusable; beyond it the admin starts from the institution's page.</summary>
    public const int MaxOptions = 1000;

    private const string Views = "~/Features/Accounts/";

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().ToPageAsync(
            users => users.OrderBy(u => u.Role).ThenBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => new AccountRow(
                u.Id, u.DisplayName, u.Email!, u.Role,
                db.ElderCareInstitutions.Where(e => e.Id == u.ElderCareInstitutionId).Select(e => e.Name).FirstOrDefault()
                ?? db.MedicalInstitutions.Where(m => m.Id == u.MedicalInstitutionId).Select(m => m.Name).FirstOrDefault()
                ?? db.Counties.Where(c => c.Id == u.CountyId).Select(c => c.Name).FirstOrDefault()
                ?? string.Empty,
                u.LockoutEnd != null && u.LockoutEnd > now)),
            page,
            HttpContext.RequestAborted);
        return View(Views + "Index.cshtml", accounts);
    }

    /// <summary>Opened from an institution's page with it preselected (a city may have thousands of institutions).</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? elderCare, Guid? medical) => View(Views + "New.cshtml", await PageAsync(new AccountForm
    {
        Role = elderCare is not null ? PortalRole.ElderCareStaff : medical is not null ? PortalRole.MedicalAdmin : null,
        ElderCareInstitutionId = elderCare,
        MedicalInstitutionId = medical,
    }));

    [HttpPost("new")]
    public async Task<IActionResult> Create(AccountForm form)
    {
        await CheckBindingAsync(form);
        if (ModelState.IsValid && await users.FindByNameAsync(form.Email!.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(form.Email), L["本市已有使用该电子邮箱的账户。"]);
        }

        if (!ModelState.IsValid)
        {
            return View(Views + "New.cshtml", await PageAsync(form));
        }

        var user = PortalUser.Create(TenantId, form.Email!.Trim(), form.DisplayName!.Trim(), form.ToAssignment());
        var password = NewPassword();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, L["账户未能创建：{0}", string.Join("；", result.Errors.Select(e => e.Description))]);
            return View(Views + "New.cshtml", await PageAsync(form));
        }

        // The first account of an institution keeps its seal (用印, issue 14) and may authorise its colleagues.
        await Seals.SealRights.GrantFirstAsync(db, user, Me.Id, clock.GetUtcNow());
        return Issued(user, password);
    }

    [HttpPost("{id:guid}/lock")]
    public async Task<IActionResult> Lock(Guid id, bool locked)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user || user.TenantId != TenantId) { return NotFound(); }
        if (user.Id == Me.Id)
        {
            Flash(L["不能停用自己的账户。"]);
            return RedirectToAction(nameof(Index));
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await sessions.EndAllAsync(users, user); // ends the sessions it already has, at once (issue 12)
        Flash(locked ? L["已停用账户“{0}”。", user.DisplayName] : L["已启用账户“{0}”。", user.DisplayName]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/password")]
    public async Task<IActionResult> ResetPassword(Guid id)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user || user.TenantId != TenantId) { return NotFound(); }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var password = NewPassword();
        var result = await users.ResetPasswordAsync(user, token, password);
        sessions.Forget(user.Id); // a reset gives a new security stamp: the user's sessions end
        if (!result.Succeeded)
        {
            Flash(L["未能重置密码：{0}", string.Join("；", result.Errors.Select(e => e.Description))]);
            return RedirectToAction(nameof(Index));
        }

        return Issued(user, password);
    }

    private ViewResult Issued(PortalUser user, string password)
    {
        Response.Headers.CacheControl = "no-store"; // the password must not stay in a cache or the back button
        return View(Views + "Issued.cshtml", new IssuedPassword(user.DisplayName, user.Email!, password));
    }

    private static string NewPassword() => InitialPasswords.Generate();

    private async Task CheckBindingAsync(AccountForm form)
    {
        if (form.Role == PortalRole.ElderCareStaff && form.ElderCareInstitutionId is { } e && !await db.ElderCareInstitutions.AnyAsync(i => i.Id == e && i.IsActive))
        {
            ModelState.AddModelError(nameof(form.ElderCareInstitutionId), L["请选择本市在用的养老服务机构。"]);
        }

        if (form.Role == PortalRole.MedicalAdmin && form.MedicalInstitutionId is { } m && !await db.MedicalInstitutions.AnyAsync(i => i.Id == m && i.IsActive))
        {
            ModelState.AddModelError(nameof(form.MedicalInstitutionId), L["请选择本市在用的医疗卫生机构。"]);
        }

        if (form.Role == PortalRole.Regulator && form.CountyId is { } c && !await db.Counties.AnyAsync(x => x.Id == c))
        {
            ModelState.AddModelError(nameof(form.CountyId), L["请选择本市的区县。"]);
        }
    }

    private async Task<AccountFormPage> PageAsync(AccountForm form) => new(
        form,
        await db.ElderCareInstitutions.AsNoTracking()
            .Where(i => i.IsActive && (i.Id == form.ElderCareInstitutionId || form.MedicalInstitutionId == null))
            .OrderBy(i => i.Name).Take(MaxOptions).Select(i => new Option(i.Id, i.Name)).ToListAsync(),
        await db.MedicalInstitutions.AsNoTracking()
            .Where(i => i.IsActive && (i.Id == form.MedicalInstitutionId || form.ElderCareInstitutionId == null))
            .OrderBy(i => i.Name).Take(MaxOptions).Select(i => new Option(i.Id, i.Name)).ToListAsync(),
        await db.CountyOptionsAsync());
}
