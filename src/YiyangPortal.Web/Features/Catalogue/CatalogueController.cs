using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Catalogue;

public sealed class ItemForm
{
    public ServiceCategory? Category { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public ServiceUnit? Unit { get; set; }

    public Funding? Funding { get; set; }

    public bool RequiresTcm { get; set; }

    public bool RequiresPrimaryLevel { get; set; }

    public bool RecommendsLevel2 { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The item's row version (xmin) the edit form was rendered with (ADR 051); null for a new item.</summary>
    public uint? Version { get; set; }

    public ProviderRequirement Requirement =>
        (RequiresTcm ? ProviderRequirement.TcmQualification : 0) |
        (RequiresPrimaryLevel ? ProviderRequirement.PrimaryLevel : 0) |
        (RecommendsLevel2 ? ProviderRequirement.RecommendedLevel2OrAbove : 0);

    public static ItemForm From(ServiceItem i) => new()
    {
        Category = i.Category,
        Name = i.Name,
        Description = i.Description,
        Unit = i.Unit,
        Funding = i.DefaultFunding,
        RequiresTcm = i.Requirement.HasFlag(ProviderRequirement.TcmQualification),
        RequiresPrimaryLevel = i.Requirement.HasFlag(ProviderRequirement.PrimaryLevel),
        RecommendsLevel2 = i.Requirement.HasFlag(ProviderRequirement.RecommendedLevel2OrAbove),
        IsActive = i.IsActive,
    };
}

public sealed class ItemFormValidator : AbstractValidator<ItemForm>
{
    public ItemFormValidator(AgreementPdfRenderer printer)
    {
        RuleFor(f => f.Category).NotNull().WithMessage("请选择服务类别。").IsInEnum().WithMessage("请选择服务类别。");
        RuleFor(f => f.Name).NotEmpty().WithMessage("请填写项目名称。")
            .MaximumLength(ServiceItem.MaxNameLength).WithMessage(new DomainMessage("项目名称不能超过 {0} 个字。", ServiceItem.MaxNameLength))
            .Printable(printer);
        RuleFor(f => f.Description).MaximumLength(ServiceItem.MaxDescriptionLength).WithMessage(new DomainMessage("项目说明不能超过 {0} 个字。", ServiceItem.MaxDescriptionLength));
        RuleFor(f => f.Unit).NotNull().WithMessage("请选择计价单位。").IsInEnum().WithMessage("请选择计价单位。");
        RuleFor(f => f.Funding).NotNull().WithMessage("请选择默认支付方式。").IsInEnum().WithMessage("请选择默认支付方式。");
    }
}

public sealed record ItemPage(Guid? Id, ItemForm Form, string Source);

/// <summary>
/// 服务目录 of the city: seeded from the 2020 guide and the Shaoxing templates, edited by the tenant admin. Items are
/// deactivated, never deleted — fee schedules and agreements refer to them.
/// ADR 051: an edit is saved against the version its form was rendered with; an active item's name is unique in its
/// category (a partial unique index backs it, and a race on it comes back as the same message at the field).
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/catalogue")]
public sealed class CatalogueController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Catalogue/";

    public const string ConflictMessage = "该服务项目刚刚被其他管理员修改过，您的修改没有保存。您填写的内容仍在下方；再次保存将以您填写的内容为准，请先在新窗口打开本页核对最新内容。";

    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(Views + "Index.cshtml", await db.ServiceItems.AsNoTracking().OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ThenBy(i => i.Name).ToListAsync());

    [HttpGet("new")]
    public IActionResult New() => View(Views + "Item.cshtml", new ItemPage(null, new ItemForm(), string.Empty));

    [HttpPost("new")]
    public async Task<IActionResult> Create(ItemForm form)
    {
        var item = ModelState.IsValid && await IsNewNameAsync(form, null)
            ? ModelState.TryApply(L, () => Apply(new ServiceItem(TenantId, string.Empty, form.Category!.Value, form.Name!, form.Unit!.Value, form.Funding!.Value), form))
            : null;
        if (item is null) { return Refused(new ItemPage(null, form, string.Empty)); }
        item.PlaceAt(1000);
        db.ServiceItems.Add(item);
        if (!await TrySaveAsync(form, null)) { return Refused(new ItemPage(null, form, string.Empty)); }
        Flash(L["已新增服务项目“{0}”。", item.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id) is not { } item) { return NotFound(); }
        var form = ItemForm.From(item);
        form.Version = VersionOf(item);
        return View(Views + "Item.cshtml", new ItemPage(id, form, item.Source));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, ItemForm form)
    {
        if (await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id) is not { } item) { return NotFound(); }
        if (!ModelState.IsValid || !await IsNewNameAsync(form, id) || ModelState.TryApply(L, () => Apply(item, form)) is null)
        {
            return Refused(new ItemPage(id, form, item.Source));
        }

        if (form.Version is { } seen)
        {
            db.Entry(item).Property<uint>("xmin").OriginalValue = seen;
        }

        try
        {
            if (!await TrySaveAsync(form, id)) { return Refused(new ItemPage(id, form, item.Source)); }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id) is not { } fresh) { return NotFound(); }
            ModelState.AddModelError(string.Empty, L[ConflictMessage]);

            // What was typed stays; the version is the one now saved, so saving again is a deliberate overwrite.
            form.Version = VersionOf(fresh);
            return Refused(new ItemPage(id, form, fresh.Source));
        }

        Flash(L["已保存服务项目“{0}”。", item.Name]);
        return RedirectToAction(nameof(Index));
    }

    private uint VersionOf(ServiceItem item) => db.Entry(item).Property<uint>("xmin").CurrentValue;

    /// <summary>The form again with each message next to its field and everything typed kept (422); nothing saved.</summary>
    private ViewResult Refused(ItemPage page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(Views + "Item.cshtml", page);
    }

    /// <summary>An active item's name is not another active item's in the same category (ADR 051).</summary>
    private async Task<bool> IsNewNameAsync(ItemForm form, Guid? self)
    {
        var name = form.Name?.Trim();
        if (form.IsActive && form.Category is { } category && !string.IsNullOrEmpty(name) &&
            await db.ServiceItems.AnyAsync(i => i.Category == category && i.Name == name && i.IsActive && i.Id != self))
        {
            ModelState.AddModelError(nameof(form.Name), L["该服务类别中已有同名的在用服务项目，请勿重复添加。"]);
        }

        return ModelState.IsValid;
    }

    /// <summary>Saves; the unique index refusing a name another admin saved a moment ago is answered at the field.</summary>
    private async Task<bool> TrySaveAsync(ItemForm form, Guid? self)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            if (await IsNewNameAsync(form, self))
            {
                ModelState.AddModelError(string.Empty, L["该服务项目与刚刚保存的另一条记录重复，未保存。请核对后再保存。"]);
            }

            return false;
        }
    }

    private static ServiceItem Apply(ServiceItem item, ItemForm form)
    {
        item.Rename(form.Name!);
        item.Describe(form.Description ?? string.Empty, item.Source);
        item.Classify(form.Category!.Value, form.Unit!.Value, form.Funding!.Value, form.Requirement);
        if (form.IsActive) { item.Reactivate(); } else { item.Deactivate(); }
        return item;
    }
}
