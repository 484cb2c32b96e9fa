using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record MedicalRow(
    Guid Id, string Name, MedicalInstitutionKind Kind, HospitalGrade Grade, string County, string LicenseNumber, bool Tcm,
    bool Insurance, bool IsActive)
{
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();
}

public sealed record MedicalListPage(InstitutionListQuery Query, IReadOnlyList<CountyOption> Counties, Paged<MedicalRow> Page);

public sealed record MedicalFormPage(
    Guid? Id, MedicalForm Form, IReadOnlyList<CountyOption> Counties, bool IsActive = true, IReadOnlyList<ChangeView>? History = null);

/// <summary>The tenant admin's register of 医疗卫生机构: list, create, edit, deactivate (never delete), history.</summary>
[Authorize(Roles = nameof(PortalRole.TenantAdmin))]
[Route("admin/institutions/medical")]
public sealed class MedicalInstitutionsController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Institutions/";

    [HttpGet("")]
    public async Task<IActionResult> Index(InstitutionListQuery query)
    {
        ModelState.Clear();
        var institutions = db.MedicalInstitutions.AsNoTracking();
        if (query.Search is { } search)
        {
            institutions = institutions.Where(i => EF.Functions.ILike(i.Name, Paging.ContainsPattern(search)));
        }

        if (query.County is { } county)
        {
            institutions = institutions.Where(i => i.CountyId == county);
        }

        if (query.KindAs<MedicalInstitutionKind>() is { } kind)
        {
            institutions = institutions.Where(i => i.Kind == kind);
        }

        if (Enum.TryParse<HospitalGrade>(query.Grade, out var grade) && Enum.IsDefined(grade))
        {
            institutions = institutions.Where(i => i.Grade == grade);
        }

        if (query.Primary is { } primary)
        {
            var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
            institutions = institutions.Where(i => primaryKinds.Contains(i.Kind) == primary);
        }

        if (query.Active is { } active)
        {
            institutions = institutions.Where(i => i.IsActive == active);
        }

        var page = await institutions.ToPageAsync(
            q => q.OrderBy(i => i.Name).ThenBy(i => i.Id).Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => new MedicalRow(
                i.Id, i.Name, i.Kind, i.Grade, c.Name, i.LicenseNumber, i.HasTcmQualification, i.IsMedicalInsuranceDesignated, i.IsActive)),
            query.Page,
            HttpContext.RequestAborted);
        return View(Views + "MedicalIndex.cshtml", new MedicalListPage(query, await db.CountyOptionsAsync(), page));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() =>
        FormView(new MedicalFormPage(null, new MedicalForm(), await db.CountyOptionsAsync()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(MedicalForm form)
    {
        var institution = ModelState.IsValid && await CheckReferencesAsync(form, null)
            ? ModelState.TryApply(() => new MedicalInstitution(TenantId, form.ToDetails()))
            : null;
        if (institution is null)
        {
            return FormView(new MedicalFormPage(null, form, await db.CountyOptionsAsync()));
        }

        db.MedicalInstitutions.Add(institution);
        await db.SaveChangesAsync();
        Flash(L["已新增“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) =>
        await db.MedicalInstitutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id) is { } institution
            ? FormView(new MedicalFormPage(
                id, MedicalForm.From(institution), await db.CountyOptionsAsync(), institution.IsActive,
                await ChangeHistory.ForAsync(db, nameof(MedicalInstitution), id)))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, MedicalForm form)
    {
        if (await db.MedicalInstitutions.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !await CheckReferencesAsync(form, id) ||
            ModelState.TryApply(() => { institution.Update(form.ToDetails()); return institution; }) is null)
        {
            return FormView(new MedicalFormPage(
                id, form, await db.CountyOptionsAsync(), institution.IsActive, await ChangeHistory.ForAsync(db, nameof(MedicalInstitution), id)));
        }

        await db.SaveChangesAsync();
        Flash(L["已保存“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active)
    {
        if (await db.MedicalInstitutions.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (active) { institution.Reactivate(); } else { institution.Deactivate(); }
        await db.SaveChangesAsync();
        Flash(active ? L["已启用“{0}”。", institution.Name] : L["已停用“{0}”，其记录和历史协议保留。", institution.Name]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private IActionResult FormView(MedicalFormPage page) => View(Views + "MedicalForm.cshtml", page);

    /// <summary>The county belongs to this city; the credit code is not another institution's.</summary>
    private async Task<bool> CheckReferencesAsync(MedicalForm form, Guid? self)
    {
        if (!await db.Counties.AnyAsync(c => c.Id == form.CountyId))
        {
            ModelState.AddModelError(nameof(form.CountyId), "请选择本市的区县。");
        }

        var code = InstitutionFormRules.ParseCode(form.CreditCode)?.Value;
        if (code is not null &&
            await db.MedicalInstitutions.Where(i => i.CreditCode == code && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync() is { } holder)
        {
            ModelState.AddModelError(nameof(form.CreditCode), $"该统一社会信用代码已登记为“{holder}”。");
        }

        var license = form.LicenseNumber?.Trim();
        if (await db.MedicalInstitutions.Where(i => i.LicenseNumber == license && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync() is { } licensee)
        {
            ModelState.AddModelError(nameof(form.LicenseNumber), $"该登记号已登记为“{licensee}”。");
        }

        return ModelState.IsValid;
    }
}
