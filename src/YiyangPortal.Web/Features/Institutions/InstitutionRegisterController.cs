using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
/// ADR 051: an edit is saved against the version its form was rendered with (a second admin saving from the same form
/// is told and keeps what they typed); an active institution's name is unique in its county, backed by a partial
/// unique index, and a race on it comes back as the same message at the field.
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

    /// <summary>Uniqueness checks beyond the credit code and the name, added to the model state.</summary>
    protected virtual Task CheckMoreAsync(TForm form, Guid? self, bool active) => Task.CompletedTask;

    public const string ConflictMessage = "该机构刚刚被其他管理员修改过，您的修改没有保存。您填写的内容仍在下方；再次保存将以您填写的内容为准，请先在新窗口打开本页核对最新内容。";

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
        var institution = ModelState.IsValid && await CheckReferencesAsync(form, null, active: true)
            ? ModelState.TryApply(L, () => NewInstitution(form))
            : null;
        if (institution is null)
        {
            return RefusedView(new InstitutionFormPage<TForm>(null, form, await db.CountyOptionsAsync()));
        }

        Set.Add(institution);
        if (!await TrySaveAsync(form, null, active: true))
        {
            return RefusedView(new InstitutionFormPage<TForm>(null, form, await db.CountyOptionsAsync()));
        }

        Flash(L["已新增“{0}”。", institution.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (await Set.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        var form = FormOf(institution);
        form.Version = VersionOf(institution);
        return FormView(new InstitutionFormPage<TForm>(id, form, await db.CountyOptionsAsync(), institution.IsActive, await HistoryAsync(id)));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, TForm form)
    {
        if (await Set.SingleOrDefaultAsync(i => i.Id == id) is not { } institution)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !await CheckReferencesAsync(form, id, institution.IsActive) ||
            ModelState.TryApply(L, () => { Apply(institution, form); return institution; }) is null)
        {
            return RefusedView(new InstitutionFormPage<TForm>(id, form, await db.CountyOptionsAsync(), institution.IsActive, await HistoryAsync(id)));
        }

        if (form.Version is { } seen)
        {
            db.Entry(institution).Property<uint>("xmin").OriginalValue = seen;
        }

        try
        {
            if (!await TrySaveAsync(form, id, institution.IsActive))
            {
                return RefusedView(new InstitutionFormPage<TForm>(id, form, await db.CountyOptionsAsync(), institution.IsActive, await HistoryAsync(id)));
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await Set.SingleOrDefaultAsync(i => i.Id == id) is not { } fresh) { return NotFound(); }
            ModelState.AddModelError(string.Empty, L[ConflictMessage]);

            // What was typed stays; the version is the one now saved, so saving again is a deliberate overwrite.
            form.Version = VersionOf(fresh);
            return RefusedView(new InstitutionFormPage<TForm>(id, form, await db.CountyOptionsAsync(), fresh.IsActive, await HistoryAsync(id)));
        }

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

        if (active)
        {
            // A deactivated duplicate does not block a new record (ADR 051); it cannot come back beside it.
            if (await NameHolderAsync(institution.CountyId, institution.Name, id) is { } holder)
            {
                return await RefusedReactivationAsync(institution, L["不能启用：本区县已有在用的同名机构“{0}”。", holder]);
            }

            institution.Reactivate();
        }
        else
        {
            institution.Deactivate();
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await Set.SingleOrDefaultAsync(i => i.Id == id) is { } fresh
                ? await RefusedReactivationAsync(fresh, L["不能启用：本区县已有在用的同名机构，或该机构的登记号已被在用机构使用。"])
                : NotFound();
        }

        Flash(active ? L["已启用“{0}”。", institution.Name] : L["已停用“{0}”，其记录和历史协议保留。", institution.Name]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private Task<IReadOnlyList<ChangeView>> HistoryAsync(Guid id) => ChangeHistory.ForAsync(db, typeof(TInstitution).Name, id);

    private IActionResult FormView(InstitutionFormPage<TForm> page) => View(Views + ViewPrefix + "Form.cshtml", page);

    /// <summary>The form again with each message next to its field and everything typed kept (422); nothing saved.</summary>
    private IActionResult RefusedView(InstitutionFormPage<TForm> page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return FormView(page);
    }

    /// <summary>The edit page again (422) with the reason the record cannot be reactivated; nothing saved.</summary>
    private async Task<IActionResult> RefusedReactivationAsync(TInstitution institution, LocalizedString reason)
    {
        var form = FormOf(institution);
        form.Version = VersionOf(institution);
        ModelState.AddModelError(string.Empty, reason);
        return RefusedView(new InstitutionFormPage<TForm>(institution.Id, form, await db.CountyOptionsAsync(), IsActive: false, await HistoryAsync(institution.Id)));
    }

    private uint VersionOf(TInstitution institution) => db.Entry(institution).Property<uint>("xmin").CurrentValue;

    /// <summary>
    /// Saves; a unique index refusing the row (another admin saved the same name or number a moment ago) is answered
    /// as the checks answer it, at the field: the checks run again and now see the other row.
    /// </summary>
    private async Task<bool> TrySaveAsync(TForm form, Guid? self, bool active)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            if (await CheckReferencesAsync(form, self, active))
            {
                ModelState.AddModelError(string.Empty, L["该机构与刚刚保存的另一条记录重复，未保存。请核对后再保存。"]);
            }

            return false;
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>The name of another active institution of this kind with the same name in the county, if any.</summary>
    private async Task<string?> NameHolderAsync(Guid countyId, string name, Guid? self)
    {
        var trimmed = name.Trim();
        return await Set.Where(i => i.CountyId == countyId && i.Name == trimmed && i.IsActive && i.Id != self)
            .Select(i => i.Name).FirstOrDefaultAsync();
    }

    /// <summary>
    /// The county belongs to this city; the credit code (when given) is not another institution's; an active
    /// institution's name is not another active one's in the same county (ADR 051).
    /// </summary>
    private async Task<bool> CheckReferencesAsync(TForm form, Guid? self, bool active)
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

        if (active && form.CountyId is { } county && !string.IsNullOrWhiteSpace(form.Name) &&
            await NameHolderAsync(county, form.Name, self) is not null)
        {
            ModelState.AddModelError(nameof(form.Name), L["本区县已登记同名的机构，请勿重复登记；如为不同机构，请在名称中加以区分。"]);
        }

        await CheckMoreAsync(form, self, active);
        return ModelState.IsValid;
    }
}
