using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Agreements;

public sealed record PriceChoice(ServicePrice Price, ServiceItem Item);

public sealed record DraftPage(AgreementDetail Detail, TermsForm Terms, ItemForm NewItem, IReadOnlyList<PriceChoice> Prices);

/// <summary>
/// Drafting (甲方): fill every blank of the template, pick items from the partner's current fee schedule (snapshots:
/// later price changes never alter them), save at any time, submit when complete. Errors appear next to the fields.
/// </summary>
[Authorize(Roles = nameof(PortalRole.ElderCareStaff))]
[Route("agreements/{id:guid}")]
public sealed class DraftingController(PortalDbContext db, AgreementWorkflow workflow, AgreementDetails details) : PortalController
{
    private const string View_ = "~/Features/Agreements/Edit.cshtml";

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!agreement.IsEditable) { return Redirect($"~/agreements/{id}"); }
        return await PageAsync(agreement, TermsForm.From(agreement.Terms, workflow.VersionOf(agreement)), new ItemForm());
    }

    [HttpPost("terms")]
    public async Task<IActionResult> SaveTerms(Guid id, TermsForm form, bool submit = false)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!ModelState.IsValid || !Try(() => agreement.UpdateTerms(workflow.Actor(Me), form.ToTerms(agreement.Template))))
        {
            return await PageAsync(agreement, form, new ItemForm());
        }

        if (submit)
        {
            // Completeness (dates, frequencies, fees, at least one item) is the aggregate's rule; show each next to its field.
            foreach (var error in agreement.Validate())
            {
                var field = error.Field.StartsWith("Terms.", StringComparison.Ordinal) ? error.Field[6..] : error.Field;
                ModelState.AddModelError(field == "Term" ? nameof(TermsForm.TermTo) : field, error.Message);
            }

            if (!ModelState.IsValid || !Try(() => agreement.Submit(workflow.Actor(Me))))
            {
                // Keep what was typed: save the draft, then show what is missing next to each field.
                if (await workflow.SaveAsync(agreement, form.Version) == SaveOutcome.Conflict)
                {
                    TempData["Error"] = AgreementActionsController.ConflictMessage;
                    return Redirect($"~/agreements/{agreement.Id}/edit");
                }

                ModelState.AddModelError(string.Empty, "协议尚未填写完整，未提交；已填写的内容已保存为草稿。请按提示补充后再提交。");
                return await PageAsync(agreement, form, new ItemForm());
            }
        }

        return await SaveAsync(agreement, form.Version, submit ? "已提交医疗机构审核。" : "草稿已保存。", submit);
    }

    [HttpPost("items")]
    public async Task<IActionResult> AddItem(Guid id, ItemForm form)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var choice = ModelState.IsValid ? (await PricesAsync(agreement)).FirstOrDefault(p => p.Price.Id == form.ServicePriceId) : null;
        if (ModelState.IsValid && choice is null)
        {
            ModelState.AddModelError(nameof(form.ServicePriceId), "请从对方当前的收费标准中选择服务项目。");
        }

        if (!ModelState.IsValid || !Try(() => agreement.AddItem(workflow.Actor(Me), Snapshot(choice!), form.Frequency!.Value)))
        {
            return await PageAsync(agreement, TermsForm.From(agreement.Terms, workflow.VersionOf(agreement)), form);
        }

        return await SaveAsync(agreement, form.Version, $"已添加“{choice!.Item.Name}”。", false);
    }

    [HttpPost("items/{itemId:guid}")]
    public async Task<IActionResult> EditItem(Guid id, Guid itemId, uint version, int? frequency, bool remove = false)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var ok = remove
            ? Try(() => agreement.RemoveItem(workflow.Actor(Me), itemId))
            : Try(() => agreement.EditItem(workflow.Actor(Me), itemId, frequency ?? 0, agreement.Item(itemId).UnitPrice));
        if (!ok)
        {
            return await PageAsync(agreement, TermsForm.From(agreement.Terms, workflow.VersionOf(agreement)), new ItemForm());
        }

        return await SaveAsync(agreement, version, remove ? "已移除服务项目。" : "已修改频次。", false);
    }

    private async Task<IActionResult> SaveAsync(Agreement agreement, uint version, string done, bool toDetail)
    {
        var outcome = await workflow.SaveAsync(agreement, version);
        TempData[outcome == SaveOutcome.Saved ? "Flash" : "Error"] = outcome == SaveOutcome.Saved ? done : AgreementActionsController.ConflictMessage;
        return Redirect(toDetail && outcome == SaveOutcome.Saved ? $"~/agreements/{agreement.Id}" : $"~/agreements/{agreement.Id}/edit");
    }

    private bool Try(Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return false;
        }
    }

    private async Task<IActionResult> PageAsync(Agreement agreement, TermsForm terms, ItemForm item)
    {
        terms.Version = workflow.VersionOf(agreement);
        item.Version = terms.Version;
        return View(View_, new DraftPage(await details.BuildAsync(agreement, Me), terms, item, await PricesAsync(agreement)));
    }

    /// <summary>The partner's prices in force today (Beijing), in catalogue order.</summary>
    private async Task<List<PriceChoice>> PricesAsync(Agreement agreement)
    {
        var today = BeijingTime.Today(workflow.Now);
        return await db.ServicePrices.AsNoTracking()
            .Where(p => db.FeeSchedules.Any(s => s.Id == p.FeeScheduleId && s.MedicalInstitutionId == agreement.MedicalInstitutionId)
                        && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .Join(db.ServiceItems.Where(i => i.IsActive), p => p.ServiceItemId, i => i.Id, (p, i) => new { Price = p, Item = i })
            .OrderBy(c => c.Item.Category).ThenBy(c => c.Item.SortOrder)
            .Select(c => new PriceChoice(c.Price, c.Item))
            .ToListAsync();
    }

    private static ServiceItemSnapshot Snapshot(PriceChoice c) =>
        new(c.Item.Id, c.Price.Id, c.Item.Category, c.Item.Name, c.Price.Unit, c.Price.Funding, c.Price.Price);
}
