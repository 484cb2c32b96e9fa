using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record InstitutionListPage<TRow>(InstitutionListQuery Query, IReadOnlyList<CountyOption> Counties, Paged<TRow> Page);

public sealed record InstitutionFormPage<TForm>(
    Guid? Id, TForm Form, IReadOnlyList<CountyOption> Counties, bool IsActive = true, IReadOnlyList<ChangeView>? History = null);

/// <summary>
/// The tenant admin's register of one kind of institution: list, create, edit, deactivate (never delete), history.
/// The two registers differ only in their filters, their row, their form and their extra uniqueness checks.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
public abstract class InstitutionRegisterController<TInstitution, TForm, TRow>(PortalDbContext db) : PortalController
    where TInstitution : Institution
    where TForm : InstitutionForm, new()
{
    private const string Views = "~/Features/Institutions/";

    protected PortalDbContext Db => db;

    /// <summary>The view names' prefix: ElderCare or Medical (…Index.cshtml, …Form.cshtml).</summary>
    protected abstract string ViewPrefix { get; }

    protected abstract DbSet<TInstitution> Set { get; }

    /// <summary>The kind's own filters (kind, grade, 基层 …) on top of name, county and active.</summary>
    protected abstract IQueryable<TInstitution> Filter(IQueryable<TInstitution> institutions, InstitutionListQuery query);

    protected abstract Expression<Func<TInstitution, County, TRow>> Row { get; }

    protected abstract TForm FormOf(TInstitution institution);

    /// <summary>A new institution from a validated form (may throw <see cref="DomainException"/>).</summary>
    protected abstract TInstitution NewInstitution(TForm form);

    /// <summary>Applies a validated form (may throw <see cref="DomainException"/>).</summary>
    protected abstract void Apply(TInstitution institution, TForm form);

    /// <summary>Uniqueness checks beyond the credit code, added to the model state.</summary>
    protected virtual Task CheckMoreAsync(TForm form, Guid? self) => Task.CompletedTask;

    [HttpGet("")]
    public async Task<IActionResult> Index(InstitutionListQuery query)
    {
        ModelState.Clear();
        var institutions = Set.AsNoTracking();
        if (query.Search is { } search)
        {
            institutions = institutions.Where(i => EF.Functions.ILike(i.Name, Paging.ContainsPattern(search)));
        }

        if (query.County is { } county)
        {
            institutions = institutions.Where(i => i.CountyId == county);
        }

        if (query.Active is { } active)
        {
            institutions = institutions.Where(i => i.IsActive == active);
        }

        var page = await Filter(institutions, query).ToPageAsync(
            q => q.OrderBy(i => i.Name).ThenBy(i => i.Id).Join(db.Counties, i => i.CountyId, c => c.Id, Row),
            query.Page,
            HttpContext.RequestAborted);
        return View(Views + ViewPrefix + "Index.cshtml", new InstitutionListPage<TRow>(query, await db.CountyOptionsAsync(), page));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() =>
        FormView(new InstitutionFormPage<TForm>(null, new TForm(), await db.CountyOptionsAsync()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(TForm form)
    {
        var institution = ModelState.IsValid && await CheckReferencesAsync(form, null)
            ? ModelState.TryApply(L, () => NewInstitution(form))
            : null;
        if (institution is null)
        {
            return FormView(new InstitutionFormPage<TForm>(null, form, await db.CountyOptionsAsync()));
        }

        Set.Add(institution);
        await db.SaveChangesAsync();
        Flash(L["已新增“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) =>
        await Set.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id) is { } institution
            ? FormView(new InstitutionFormPage<TForm>(id, FormOf(institution), await db.CountyOptionsAsync(), institution.IsActive, await HistoryAsync(id)))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, TForm form)
    {
        if (await Set.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !await CheckReferencesAsync(form, id) ||
            ModelState.TryApply(L, () => { Apply(institution, form); return institution; }) is null)
        {
            return FormView(new InstitutionFormPage<TForm>(id, form, await db.CountyOptionsAsync(), institution.IsActive, await HistoryAsync(id)));
        }

        await db.SaveChangesAsync();
        Flash(L["已保存“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active)
    {
        if (await Set.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (active) { institution.Reactivate(); } else { institution.Deactivate(); }
        await db.SaveChangesAsync();
        Flash(active ? L["已启用“{0}”。", institution.Name] : L["已停用“{0}”，其记录和历史协议保留。", institution.Name]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private Task<IReadOnlyList<ChangeView>> HistoryAsync(Guid id) => ChangeHistory.ForAsync(db, typeof(TInstitution).Name, id);

    private IActionResult FormView(InstitutionFormPage<TForm> page) => View(Views + ViewPrefix + "Form.cshtml", page);

    /// <summary>The county belongs to this city; the credit code (when given) is not another institution's.</summary>
    private async Task<bool> CheckReferencesAsync(TForm form, Guid? self)
    {
        if (!await db.Counties.AnyAsync(c => c.Id == form.CountyId))
        {
            ModelState.AddModelError(nameof(form.CountyId), L["请选择本市的区县。"]);
        }

        var code = InstitutionFormRules.ParseCode(form.CreditCode)?.Value;
        if (code is not null &&
            await Set.Where(i => i.CreditCode == code && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync() is { } holder)
        {
            ModelState.AddModelError(nameof(form.CreditCode), L["该统一社会信用代码已登记为“{0}”。", holder]);
        }

        await CheckMoreAsync(form, self);
        return ModelState.IsValid;
    }
}
