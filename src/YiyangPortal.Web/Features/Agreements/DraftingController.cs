using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Agreements;

public sealed record PriceChoice(ServicePrice Price, ServiceItem Item);

/// <param name="Frequency">As typed; null: the item takes its clause's number.</param>
/// <param name="FillsClause">The 附件1 clause the typed frequency also fills, because the clause was empty.</param>
public sealed record NewItem(PriceChoice Choice, int? Frequency, TemplateClause? FillsClause);

/// <param name="TypedFrequencies">Item frequencies as the user typed them, shown back when the page is re-rendered.</param>
/// <param name="Notice">Why the page came back instead of saving (shown above the error list).</param>
/// <param name="CivilAffairsBureau">The 民政局 that receives the filing (the elder-care institution's county's).</param>
/// <param name="HealthBureaus">The 卫生健康局 the parties may choose from (FilingBureaus.HealthChoices).</param>
/// <param name="ElderCareSide">The domain's warnings about the saved draft against the home's register entry (ADR 026).</param>
/// <param name="TermWarning">The shown term is already over: a draft may hold it, submission will refuse it.</param>
public sealed record DraftPage(
    AgreementDetail Detail, TermsForm Terms, ItemForm NewItem, IReadOnlyList<PriceChoice> Prices,
    IReadOnlyDictionary<Guid, string?> TypedFrequencies, string? Notice,
    FilingBureau CivilAffairsBureau, IReadOnlyList<FilingBureau> HealthBureaus, Eligibility ElderCareSide,
    DomainMessage? TermWarning);

/// <summary>
/// Drafting (甲方): one form holds every blank of the template and the schedule of items picked from the partner's
/// current fee schedule (snapshots: later price changes never alter them). Each of its buttons — save, submit, add,
/// remove, accept a proposal — posts the whole form, so what was typed anywhere is kept; invalid input comes back
/// as typed with a message next to its field and a linked list of problems at the top.
/// </summary>
[Authorize(Policy = PortalPolicies.ElderCareStaff)]
[Route("agreements/{id:guid}")]
public sealed class DraftingController(PortalDbContext db, AgreementWorkflow workflow, AgreementDetails details) : PortalController
{
    private const string EditView = "~/Features/Agreements/Edit.cshtml";

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!agreement.IsEditable) { return Redirect($"~/agreements/{id}"); }
        return await PageAsync(agreement, TermsForm.From(agreement.Terms, workflow.VersionOf(agreement)), new ItemForm(), [], null);
    }

    /// <remarks>
    /// Rows are bound under "Items" so the binder's entries share their keys with the rows' messages
    /// (<c>Items[id].Frequency</c>): ModelState keys ignore case, and the error summary links the entry's spelling.
    /// </remarks>
    [HttpPost("draft")]
    public async Task<IActionResult> Save(
        Guid id, TermsForm form, [Bind(Prefix = "Items")] List<DraftItemRow>? items, ItemForm newItem, string? intent)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!agreement.IsEditable)
        {
            FlashError(L["该协议已提交或已签署，不能再修改。"]);
            return Redirect($"~/agreements/{id}");
        }

        var what = DraftIntent.Parse(intent);
        // An items.Index naming no posted row binds as null (a tampered or stale form): such a row edits nothing.
        var rows = (items ?? []).Where(r => r is not null).ToList();
        var frequencies = ReadFrequencies(agreement, rows);
        var added = what.Kind == DraftIntentKind.AddItem ? await ReadNewItemAsync(agreement, newItem, form) : null;
        if (!ModelState.IsValid)
        {
            return await PageAsync(agreement, form, newItem, rows, "尚未保存：请按提示修改后再保存。");
        }

        var by = workflow.Actor(Me);
        var (elderCareCounty, medicalCounty) = await workflow.CountiesAsync(agreement);
        if (!TryBureaus(form, elderCareCounty, medicalCounty)
            || !Try(() => Apply(agreement, by, what, frequencies, form.ToTerms(agreement.Template).WithBureaus(elderCareCounty, medicalCounty), added)))
        {
            return await PageAsync(await ReloadAsync(agreement), form, newItem, rows, "尚未保存：请按提示修改后再保存。");
        }

        // ADR 052: a term over another agreement of the same pair is refused at the term field, with nothing saved.
        if (agreement.TermOverlap(agreement.Terms.Term, await workflow.SamePairAsync(agreement)) is { } overlap)
        {
            ModelState.AddModelError(FieldKey(overlap.Field), L.Message(overlap.Text));
            return await PageAsync(await ReloadAsync(agreement), form, newItem, rows, "尚未保存：请按提示修改后再保存。");
        }

        if (what.Kind == DraftIntentKind.Preview)
        {
            return AgreementPdfResult.Inline(this, await workflow.PdfAsync(agreement), agreement.DocumentNumber);
        }

        var notice = what.Kind == DraftIntentKind.Submit ? TrySubmit(agreement, by, await workflow.SupplementBasisAsync(agreement)) : null;
        if (await workflow.SaveAsync(agreement, form.Version) == SaveOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, L[AgreementActionsController.ConflictMessage]);
            return await PageAsync(await ReloadAsync(agreement), form, newItem, rows, "您填写的内容仍在下方；请核对对方的修改后再保存。");
        }

        if (notice is not null)
        {
            // Completeness errors: the draft (with everything typed) is saved; each gap is shown at its field.
            return await PageAsync(agreement, form, new ItemForm(), [], notice);
        }

        TempData["Flash"] = Done(what, added);
        return what.Kind == DraftIntentKind.Submit
            ? Redirect($"~/agreements/{id}")
            : Redirect($"~/agreements/{id}/edit{Anchor(what)}");
    }

    /// <summary>Item frequencies first, then the terms (which carry 附件1's clause numbers), then the button's own step.</summary>
    private static void Apply(
        Agreement agreement, AgreementActor by, DraftIntent what, IReadOnlyDictionary<Guid, int> frequencies, AgreementTerms terms,
        NewItem? added)
    {
        foreach (var (itemId, frequency) in frequencies)
        {
            agreement.EditItem(by, itemId, frequency, agreement.Item(itemId).UnitPrice);
        }

        agreement.UpdateTerms(by, terms);
        switch (what.Kind)
        {
            case DraftIntentKind.AddItem:
                var snapshot = Snapshot(added!.Choice);
                // A 坐诊/查房 item left without a frequency takes its clause's number (附件1 一、二: one number).
                var frequency = added.Frequency ?? (snapshot.Clause is { } clause ? agreement.Terms.NumberOf(clause) : null)
                    ?? throw new DomainException("请填写频次。");
                agreement.AddItem(by, snapshot, frequency);
                break;
            case DraftIntentKind.RemoveItem:
                agreement.RemoveItem(by, what.ItemId!.Value);
                break;
            case DraftIntentKind.AcceptProposal:
                agreement.AcceptProposal(by, what.ItemId!.Value);
                break;
            default:
                break;
        }
    }

    /// <summary>Null when submitted; otherwise the notice, with every gap added to ModelState at its field.</summary>
    private string? TrySubmit(Agreement agreement, AgreementActor by, Agreement? supplementBasis)
    {
        var errors = agreement.Validate(BeijingTime.Today(workflow.Now));
        foreach (var error in errors)
        {
            ModelState.AddModelError(FieldKey(error.Field), L.Message(error.Text));
        }

        if (ModelState.IsValid && Try(() => agreement.Submit(by, supplementBasis)))
        {
            return null;
        }

        return errors.Count > 0
            ? "协议尚未填写完整，未提交；已填写的内容已保存为草稿。请按提示补充后再提交。"
            : "未提交；已填写的内容已保存为草稿。请按提示修改后再提交。";
    }

    /// <summary>The frequencies typed in the item table (items repeating a 附件1 clause are edited at the clause).</summary>
    private Dictionary<Guid, int> ReadFrequencies(Agreement agreement, List<DraftItemRow> rows)
    {
        var result = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            var item = agreement.Items.FirstOrDefault(i => i.Id == row.Id);
            if (item is null || IsClauseItem(agreement, item))
            {
                continue;
            }

            var key = $"Items[{row.Id}].Frequency";
            if (ReadFrequency(key, row.Frequency, item.Name) is not { } frequency)
            {
                continue;
            }

            if (item.FrequencyProblem(frequency) is { } problem)
            {
                // The domain's minimum (附件2 二.3, 2020 guide 三(一)) at the field, the number kept as typed.
                ModelState.AddModelError(key, L.Message(problem));
            }
            else
            {
                result[item.Id] = frequency;
            }
        }

        return result;
    }

    /// <summary>Items whose number is a blank of 附件1 (一、二): edited at the clause, shown in the table.</summary>
    public static bool IsClauseItem(Agreement agreement, AgreementItem item) =>
        item.Clause is { } clause && clause.RepeatsInTerms() && agreement.Template == AgreementTemplate.MedicalElderCareConsortium;

    /// <summary>
    /// A typed frequency as a number of 1 to <see cref="AgreementItem.MaxFrequency"/>, or null with the message at
    /// <paramref name="key"/> (nothing typed: null without a message, the caller decides whether that is allowed).
    /// </summary>
    private int? ReadFrequency(string key, string? typed, string? itemName)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (itemName is not null)
            {
                ModelState.AddModelError(key, L["请填写“{0}”的频次。", itemName]);
            }

            return null;
        }

        if (!LenientNumbers.TryParseInt(typed, out var frequency))
        {
            ModelState.AddModelError(key, LenientNumbers.Message(typed, whole: true));
            return null;
        }

        if (frequency is < 1 or > AgreementItem.MaxFrequency)
        {
            ModelState.AddModelError(key, itemName is null
                ? L["频次应为 1 到 {0}。", AgreementItem.MaxFrequency]
                : L["“{0}”的频次应为 1 到 {1}。", itemName, AgreementItem.MaxFrequency]);
            return null;
        }

        return frequency;
    }

    /// <summary>
    /// The item the 添加 button adds: its price and frequency, each problem at its own field in the same answer
    /// (a missing service does not hide a frequency that cannot be read). The frequency is checked against the clause
    /// numbers posted with it, since the terms are saved first (<see cref="Apply"/>).
    /// </summary>
    private async Task<NewItem?> ReadNewItemAsync(Agreement agreement, ItemForm form, TermsForm terms)
    {
        var choice = form.ServicePriceId is { } priceId ? (await PricesAsync(agreement)).FirstOrDefault(p => p.Price.Id == priceId) : null;
        if (choice is null)
        {
            ModelState.AddModelError(nameof(ItemForm.ServicePriceId), L["请从对方当前的收费标准中选择要添加的服务项目。"]);
        }

        var frequency = ReadFrequency(nameof(ItemForm.Frequency), form.Frequency, null);
        if (choice is null)
        {
            return null;
        }

        var clause = TemplateClauses.ForCatalogueCode(choice.Item.Code);
        // Only the clause numbers: the rest of the posted terms may not even be valid yet.
        var posted = new AgreementTerms { ClinicSessionsPerMonth = terms.ClinicSessionsPerMonth, WardRoundsPerMonth = terms.WardRoundsPerMonth };
        var clauseNumber = clause is { } c && agreement.Template == AgreementTemplate.MedicalElderCareConsortium ? posted.NumberOf(c) : null;
        if (frequency is { } typed)
        {
            var problem = clause.FrequencyProblem(choice.Item.Name, typed, choice.Price.Unit)
                          ?? posted.AddedItemConflict(agreement.Template, clause, choice.Item.Name, typed);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(ItemForm.Frequency), L.Message(problem));
            }
        }
        else if (string.IsNullOrWhiteSpace(form.Frequency) && clauseNumber is null)
        {
            ModelState.AddModelError(nameof(ItemForm.Frequency), L["请填写频次，例如 4。"]);
        }

        // 附件1 一、二: typed into an empty clause, the number fills the clause too; the flash says so.
        var fillsClause = frequency is not null && clause is { } repeated && repeated.RepeatsInTerms() && clauseNumber is null
                          && agreement.Template == AgreementTemplate.MedicalElderCareConsortium;
        return new NewItem(choice, frequency, fillsClause ? clause : null);
    }

    /// <summary>Domain field names → form field names ("Terms.Term" is shown at the end date).</summary>
    private static string FieldKey(string field)
    {
        var key = field.StartsWith("Terms.", StringComparison.Ordinal) ? field[6..] : field;
        return key == "Term" ? nameof(TermsForm.TermTo) : key;
    }

    private string Done(DraftIntent what, NewItem? added) => what.Kind switch
    {
        DraftIntentKind.Submit => L["已提交医疗机构审核。"],
        DraftIntentKind.AddItem when added!.FillsClause is { } clause => L.Message(new DomainMessage(
            "已添加“{0}”，并将{1}填为 {2} 次/月（两处为同一数值），草稿已保存。",
            added.Choice.Item.Name, new DomainMessage(clause.ToChinese()), added.Frequency!.Value)),
        DraftIntentKind.AddItem => L["已添加“{0}”，草稿已保存。", added!.Choice.Item.Name],
        DraftIntentKind.RemoveItem => L["已移除服务项目，草稿已保存。"],
        DraftIntentKind.AcceptProposal => L["已接受对方的修改建议，草稿已保存。"],
        _ => L["草稿已保存。"],
    };

    private static string Anchor(DraftIntent what) => what.Kind switch
    {
        DraftIntentKind.AddItem or DraftIntentKind.RemoveItem => "#items",
        DraftIntentKind.AcceptProposal => $"#item-{what.ItemId}",
        _ => string.Empty,
    };

    private async Task<Agreement> ReloadAsync(Agreement agreement)
    {
        db.ChangeTracker.Clear();
        return await workflow.FindAsync(agreement.Id, Me) ?? agreement;
    }

    /// <summary>The chosen health bureau is one of the register's choices for this pair; otherwise a message at the field.</summary>
    private bool TryBureaus(TermsForm form, County elderCareCounty, County medicalCounty)
    {
        if (form.HealthBureauCountyId is not { } county
            || FilingBureaus.HealthChoices(elderCareCounty, medicalCounty).Any(b => b.CountyId == county))
        {
            return true;
        }

        ModelState.AddModelError(nameof(TermsForm.HealthBureauCountyId), FilingBureaus.NotAChoice);
        return false;
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
            ModelState.AddModelError(string.Empty, L.Message(e));
            return false;
        }
    }

    private async Task<IActionResult> PageAsync(Agreement agreement, TermsForm terms, ItemForm item, List<DraftItemRow> rows, string? notice)
    {
        terms.Version = workflow.VersionOf(agreement);
        item.Version = terms.Version;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        var typed = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last().Frequency);
        var (elderCareCounty, medicalCounty) = await workflow.CountiesAsync(agreement);
        var home = await db.ElderCareInstitutions.AsNoTracking().SingleAsync(e => e.Id == agreement.ElderCareInstitutionId);
        var termWarning = agreement.TermIsDrafted && ModelState.GetFieldValidationState(nameof(TermsForm.TermTo)) != ModelValidationState.Invalid
            ? AgreementTerms.EndedBefore(terms.TermTo, BeijingTime.Today(workflow.Now))
            : null;
        return View(EditView, new DraftPage(
            await details.BuildAsync(agreement, User), terms, item, await PricesAsync(agreement), typed, notice,
            FilingBureaus.CivilAffairs(elderCareCounty), FilingBureaus.HealthChoices(elderCareCounty, medicalCounty),
            agreement.AssessElderCareSide(home), termWarning));
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

    private static ServiceItemSnapshot Snapshot(PriceChoice c) => ServiceItemSnapshot.Of(c.Item, c.Price);
}
