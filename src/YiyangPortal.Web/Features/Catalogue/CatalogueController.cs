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
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/catalogue")]
public sealed class CatalogueController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Catalogue/";

    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(Views + "Index.cshtml", await db.ServiceItems.AsNoTracking().OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ThenBy(i => i.Name).ToListAsync());

    [HttpGet("new")]
    public IActionResult New() => View(Views + "Item.cshtml", new ItemPage(null, new ItemForm(), string.Empty));

    [HttpPost("new")]
    public async Task<IActionResult> Create(ItemForm form)
    {
        var item = ModelState.IsValid
            ? ModelState.TryApply(L, () => Apply(new ServiceItem(TenantId, string.Empty, form.Category!.Value, form.Name!, form.Unit!.Value, form.Funding!.Value), form))
            : null;
        if (item is null) { return View(Views + "Item.cshtml", new ItemPage(null, form, string.Empty)); }
        item.PlaceAt(1000);
        db.ServiceItems.Add(item);
        await db.SaveChangesAsync();
        Flash(L["已新增服务项目“{0}”。", item.Name]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) =>
        await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id) is { } item
            ? View(Views + "Item.cshtml", new ItemPage(id, ItemForm.From(item), item.Source))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, ItemForm form)
    {
        if (await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id) is not { } item) { return NotFound(); }
        if (!ModelState.IsValid || ModelState.TryApply(L, () => Apply(item, form)) is null)
        {
            return View(Views + "Item.cshtml", new ItemPage(id, form, item.Source));
        }

        await db.SaveChangesAsync();
        Flash(L["已保存服务项目“{0}”。", item.Name]);
        return RedirectToAction(nameof(Index));
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
