using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record ElderCareRow(
    Guid Id, string Name, ElderCareInstitutionKind Kind, string County, string? CreditCode, int Beds, int Residents,
    bool HasInternalMedical, bool IsActive);

public sealed record ElderCareListPage(InstitutionListQuery Query, IReadOnlyList<CountyOption> Counties, Paged<ElderCareRow> Page);

public sealed record ElderCareFormPage(
    Guid? Id, ElderCareForm Form, IReadOnlyList<CountyOption> Counties, bool IsActive = true, IReadOnlyList<ChangeView>? History = null);

/// <summary>The tenant admin's register of 养老服务机构: list, create, edit, deactivate (never delete), history.</summary>
[Authorize(Roles = nameof(PortalRole.TenantAdmin))]
[Route("admin/institutions/eldercare")]
public sealed class ElderCareInstitutionsController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Institutions/";

    [HttpGet("")]
    public async Task<IActionResult> Index(InstitutionListQuery query)
    {
        ModelState.Clear();
        var institutions = db.ElderCareInstitutions.AsNoTracking();
        if (query.Search is { } search)
        {
            institutions = institutions.Where(i => EF.Functions.ILike(i.Name, Paging.ContainsPattern(search)));
        }

        if (query.County is { } county)
        {
            institutions = institutions.Where(i => i.CountyId == county);
        }

        if (query.KindAs<ElderCareInstitutionKind>() is { } kind)
        {
            institutions = institutions.Where(i => i.Kind == kind);
        }

        if (query.Active is { } active)
        {
            institutions = institutions.Where(i => i.IsActive == active);
        }

        var page = await institutions.ToPageAsync(
            q => q.OrderBy(i => i.Name).ThenBy(i => i.Id).Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => new ElderCareRow(
                i.Id, i.Name, i.Kind, c.Name, i.CreditCode, i.Beds, i.Residents, i.HasInternalMedicalInstitution, i.IsActive)),
            query.Page,
            HttpContext.RequestAborted);
        return View(Views + "ElderCareIndex.cshtml", new ElderCareListPage(query, await db.CountyOptionsAsync(), page));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() =>
        FormView(new ElderCareFormPage(null, new ElderCareForm(), await db.CountyOptionsAsync()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(ElderCareForm form)
    {
        var institution = ModelState.IsValid && await CheckReferencesAsync(form, null)
            ? ModelState.TryApply(() => new ElderCareInstitution(TenantId, form.ToDetails()))
            : null;
        if (institution is null)
        {
            return FormView(new ElderCareFormPage(null, form, await db.CountyOptionsAsync()));
        }

        db.ElderCareInstitutions.Add(institution);
        await db.SaveChangesAsync();
        Flash(L["已新增“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) =>
        await db.ElderCareInstitutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id) is { } institution
            ? FormView(new ElderCareFormPage(
                id, ElderCareForm.From(institution), await db.CountyOptionsAsync(), institution.IsActive,
                await ChangeHistory.ForAsync(db, nameof(ElderCareInstitution), id)))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, ElderCareForm form)
    {
        if (await db.ElderCareInstitutions.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !await CheckReferencesAsync(form, id) ||
            ModelState.TryApply(() => { institution.Update(form.ToDetails()); return institution; }) is null)
        {
            return FormView(new ElderCareFormPage(
                id, form, await db.CountyOptionsAsync(), institution.IsActive, await ChangeHistory.ForAsync(db, nameof(ElderCareInstitution), id)));
        }

        await db.SaveChangesAsync();
        Flash(L["已保存“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active)
    {
        if (await db.ElderCareInstitutions.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (active) { institution.Reactivate(); } else { institution.Deactivate(); }
        await db.SaveChangesAsync();
        Flash(active ? L["已启用“{0}”。", institution.Name] : L["已停用“{0}”，其记录和历史协议保留。", institution.Name]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private IActionResult FormView(ElderCareFormPage page) => View(Views + "ElderCareForm.cshtml", page);

    /// <summary>The county belongs to this city; the credit code is not another institution's.</summary>
    private async Task<bool> CheckReferencesAsync(ElderCareForm form, Guid? self)
    {
        if (!await db.Counties.AnyAsync(c => c.Id == form.CountyId))
        {
            ModelState.AddModelError(nameof(form.CountyId), "请选择本市的区县。");
        }

        var code = InstitutionFormRules.ParseCode(form.CreditCode)?.Value;
        var holder = await db.ElderCareInstitutions.Where(i => i.CreditCode == code && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync();
        if (holder is not null)
        {
            ModelState.AddModelError(nameof(form.CreditCode), $"该统一社会信用代码已登记为“{holder}”。");
        }

        return ModelState.IsValid;
    }
}
