using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.FeeSchedules;

public sealed record PriceRow(ServicePrice Price, ServiceItem Item);

public sealed record ItemOption(ServiceItem Item, Eligibility Eligibility);

public sealed record FeeSchedulePage(
    MedicalInstitution Institution,
    DateOnly Today,
    IReadOnlyList<PriceRow> Prices,
    IReadOnlyList<ConsultationFee> ConsultationFees,
    IReadOnlyList<ItemOption> Items,
    PriceForm PriceForm,
    ConsultationFeeForm FeeForm,
    string? OpenForm);

/// <summary>
/// 收费标准 of the medical admin's own institution: publish item prices and 会诊费 from a date. The institution is
/// the one bound to the signed-in admin — never taken from the URL — so another institution's schedule is unreachable.
/// </summary>
[Authorize(Policy = PortalPolicies.MedicalAdmin)]
[Route("medical/fees")]
public sealed class FeeScheduleController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string View_ = "~/Features/FeeSchedules/Index.cshtml";

    private DateOnly TodayInBeijing => clock.TodayInBeijing();

    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await LoadAsync() is { } loaded ? View(View_, await PageAsync(loaded, new PriceForm { ValidFrom = TodayInBeijing }, new ConsultationFeeForm { ValidFrom = TodayInBeijing }, null)) : NotFound();

    [HttpPost("prices")]
    public async Task<IActionResult> PublishPrice(PriceForm form)
    {
        if (await LoadAsync() is not { } loaded) { return NotFound(); }
        var (institution, schedule) = loaded;
        var item = form.ServiceItemId is { } itemId ? await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == itemId && i.IsActive) : null;
        if (form.ServiceItemId is not null && item is null)
        {
            ModelState.AddModelError(nameof(form.ServiceItemId), L["请选择服务目录中的在用项目。"]);
        }

        if (item is not null && item.AssessProvider(institution) is { IsAllowed: false } refused)
        {
            ModelState.AddModelError(nameof(form.ServiceItemId), L.Message(refused.Refusals[0]));
        }

        if (form.Funding is { } funding && ProviderRules.FundingRefusal(funding, institution) is { } fundingRefusal)
        {
            ModelState.AddModelError(nameof(form.Funding), L[fundingRefusal]);
        }

        if (ModelState.IsValid && TryDomain(nameof(form.ValidFrom), () => schedule.PublishPrice(
                item!, institution, Money.FromYuan(form.Price!.Value), form.Unit!.Value, form.Funding!.Value,
                new ValidityPeriod(form.ValidFrom!.Value, form.ValidTo), TodayInBeijing)) is { } eligibility)
        {
            await db.SaveChangesAsync();
            Flash(eligibility.Warnings.Count > 0
                ? L["已发布“{0}”的价格。提示：{1}", item!.Name, L.Message(eligibility.Warnings[0])]
                : L["已发布“{0}”的价格，自 {1} 起执行。", item!.Name, form.ValidFrom!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            return RedirectToAction(nameof(Index));
        }

        return View(View_, await PageAsync(loaded, form, new ConsultationFeeForm { ValidFrom = TodayInBeijing }, "price"));
    }

    [HttpPost("consultation")]
    public async Task<IActionResult> SetConsultationFee(ConsultationFeeForm form)
    {
        if (await LoadAsync() is not { } loaded) { return NotFound(); }
        if (ModelState.IsValid && TryDomain(nameof(form.ValidFrom), () =>
            {
                loaded.Schedule.SetConsultationFee(
                    form.Title!.Value, Money.FromYuan(form.Price!.Value), new ValidityPeriod(form.ValidFrom!.Value, form.ValidTo), TodayInBeijing);
                return Eligibility.Allowed;
            }) is not null)
        {
            await db.SaveChangesAsync();
            Flash(L["已设置{0}会诊费，自 {1} 起执行。", L[CatalogueLabels.Of(form.Title!.Value)], form.ValidFrom!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            return RedirectToAction(nameof(Index));
        }

        return View(View_, await PageAsync(loaded, new PriceForm { ValidFrom = TodayInBeijing }, form, "consultation"));
    }

    private async Task<(MedicalInstitution Institution, FeeSchedule Schedule)?> LoadAsync()
    {
        var institution = await db.MedicalInstitutions.SingleOrDefaultAsync(i => i.Id == Me.MedicalInstitutionId);
        if (institution is null) { return null; }
        var schedule = await db.FeeSchedules.Include(s => s.Prices).Include(s => s.ConsultationFees)
            .SingleOrDefaultAsync(s => s.MedicalInstitutionId == institution.Id);
        if (schedule is null)
        {
            schedule = new FeeSchedule(institution);
            db.FeeSchedules.Add(schedule);
        }

        return (institution, schedule);
    }

    private async Task<FeeSchedulePage> PageAsync(
        (MedicalInstitution Institution, FeeSchedule Schedule) loaded, PriceForm priceForm, ConsultationFeeForm feeForm, string? openForm)
    {
        var items = await db.ServiceItems.AsNoTracking().OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ToListAsync();
        var byId = items.ToDictionary(i => i.Id);
        var prices = loaded.Schedule.Prices
            .Where(p => p.ValidTo is null || p.ValidTo >= TodayInBeijing)
            .OrderBy(p => byId[p.ServiceItemId].Category).ThenBy(p => byId[p.ServiceItemId].SortOrder).ThenBy(p => p.ValidFrom)
            .Select(p => new PriceRow(p, byId[p.ServiceItemId])).ToList();
        var fees = loaded.Schedule.ConsultationFees
            .Where(f => f.ValidTo is null || f.ValidTo >= TodayInBeijing)
            .OrderBy(f => f.Title).ThenBy(f => f.ValidFrom).ToList();
        var options = items.Where(i => i.IsActive).Select(i => new ItemOption(i, i.AssessProvider(loaded.Institution))).ToList();
        return new FeeSchedulePage(loaded.Institution, TodayInBeijing, prices, fees, options, priceForm, feeForm, openForm);
    }

    private Eligibility? TryDomain(string field, Func<Eligibility> action)
    {
        try
        {
            return action();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, L.Message(e));
            return null;
        }
    }
}
