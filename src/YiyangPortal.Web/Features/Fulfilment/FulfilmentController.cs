using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>
/// 履约 (issue 15) of one agreement: the medical institution records deliveries one at a time and keeps its 人员名册,
/// the elder-care institution confirms or disputes each, both see agreed vs confirmed per item and period. Who may do
/// what is the aggregate's answer (<see cref="AgreementAction.RecordService"/>, <see cref="AgreementAction.ConfirmService"/>)
/// through the resource-based handler (ADR 027); agreements the user may not see are not found. The regulators who see
/// the agreement read the page without its forms (<see cref="FulfilmentRequirement"/>, ADR 047); every step is the
/// parties'.
/// </summary>
[Authorize(Policy = PortalPolicies.FulfilmentReaders)]
[Route("agreements/{id:guid}/fulfilment")]
public sealed class FulfilmentController(
    PortalDbContext db, AgreementWorkflow agreements, FulfilmentWorkflow workflow, Roster.StaffRoster roster,
    IAuthorizationService authorization) : PortalController
{
    private const string PageView = "~/Features/Fulfilment/Index.cshtml";

    public const string ConflictMessage = "该服务记录刚刚被其他人处理过，您的操作没有保存。请查看最新内容。";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, string? month, Guid? correct)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement
            || !(await authorization.AuthorizeAsync(User, agreement, FulfilmentRequirement.Read)).Succeeded) { return NotFound(); }
        if (correct is { } recordId && await MayAsync(agreement, AgreementAction.RecordService)
            && await CorrectableAsync(agreement, recordId) is { } record)
        {
            // 更正 (issue 15): the disputed record's values in the form, saved as a new record that replaces it.
            return View(PageView, await PageAsync(agreement, new DateOnly(record.ServiceDate.Year, record.ServiceDate.Month, 1),
                ServiceRecordForm.CorrectionOf(record), new StaffForm()));
        }

        return View(PageView, await PageAsync(agreement, ParseMonth(month), new ServiceRecordForm(), new StaffForm()));
    }

    // A disputed record of this agreement that no later record corrects yet.
    private async Task<ServiceRecord?> CorrectableAsync(Agreement agreement, Guid recordId) =>
        await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.AgreementId == agreement.Id
            && r.Status == ServiceRecordStatus.Disputed && !db.ServiceRecords.Any(c => c.CorrectsRecordId == recordId));

    [HttpPost("records")]
    [Authorize(Policy = PortalPolicies.AgreementParties)]
    public async Task<IActionResult> Record(Guid id, ServiceRecordForm form)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement, AgreementAction.RecordService)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var month = ParseMonth(form.ServiceDate?.Trim().Length >= 7 ? form.ServiceDate.Trim()[..7] : null);
        if (form.Unreadable() is { Count: > 0 } unreadable)
        {
            return await RefusedAsync(agreement, month, form, unreadable);
        }

        var outcome = await workflow.RecordAsync(agreement, form.ToDelivery(), agreements.Actor(Me), form.CorrectsRecordId, HttpContext.RequestAborted);
        if (!outcome.Saved)
        {
            return await RefusedAsync(agreement, month, form, outcome.Problems, outcome.Conflict);
        }

        Flash(L["已登记服务记录，等待养老机构确认。"]);
        return Redirect($"~/agreements/{id}/fulfilment?month={outcome.Record!.ServiceDate:yyyy-MM}#records");
    }

    [HttpPost("records/{recordId:guid}/confirm")]
    [Authorize(Policy = PortalPolicies.AgreementParties)]
    public Task<IActionResult> Confirm(Guid id, Guid recordId, string? month) => AnswerAsync(id, recordId, month, null);

    [HttpPost("records/{recordId:guid}/dispute")]
    [Authorize(Policy = PortalPolicies.AgreementParties)]
    public Task<IActionResult> Dispute(Guid id, Guid recordId, string? month, string? reason) =>
        AnswerAsync(id, recordId, month, reason ?? string.Empty);

    [HttpPost("staff")]
    [Authorize(Policy = PortalPolicies.AgreementParties)]
    public async Task<IActionResult> AddStaff(Guid id, string? staffName, string? staffTitle, string? month)
    {
        var staffForm = new StaffForm
        {
            Name = staffName,
            Title = Enum.TryParse<Domain.Fees.ProfessionalTitle>(staffTitle, out var t) && Enum.IsDefined(t) ? t : null,
        };
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement, AgreementAction.RecordService)) { return StatusCode(StatusCodes.Status403Forbidden); }

        // The roster page's rule and save (StaffRoster): one roster line per active person, a double submit included.
        var outcome = await roster.AddAsync(agreement.TenantId, agreement.MedicalInstitutionId, staffForm.Name?.Trim(), staffForm.Title, HttpContext.RequestAborted);
        if (!outcome.Saved)
        {
            return await RefusedAsync(agreement, ParseMonth(month), new ServiceRecordForm(), outcome.Problems.Select(p => p with { Field = "Staff" + p.Field }).ToList(), staffForm: staffForm);
        }

        Flash(L["已加入人员名册。"]);
        return Redirect($"~/agreements/{id}/fulfilment?month={month}#record");
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Guid recordId, string? month, string? reason)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement, AgreementAction.ConfirmService)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var outcome = await workflow.AnswerAsync(agreement, recordId, agreements.Actor(Me), reason, HttpContext.RequestAborted);
        if (!outcome.Saved)
        {
            var problems = outcome.Problems.Select(p => p with { Field = p.Field == "Reason" ? $"reason-{recordId}" : string.Empty }).ToList();
            return await RefusedAsync(agreement, ParseMonth(month), new ServiceRecordForm(), problems, outcome.Conflict);
        }

        Flash(reason is null ? L["已确认该服务记录。"] : L["已提出异议，等待医疗机构更正。"]);
        return Redirect($"~/agreements/{id}/fulfilment?month={month}#records");
    }

    private async Task<bool> MayAsync(Agreement agreement, AgreementAction action) =>
        (await authorization.AuthorizeAsync(User, agreement, new AgreementRequirement(action))).Succeeded;

    /// <summary>The page again with each message next to its field and everything typed kept (422).</summary>
    private async Task<IActionResult> RefusedAsync(
        Agreement agreement, DateOnly? month, ServiceRecordForm form, IReadOnlyList<FieldError> problems, bool conflict = false, StaffForm? staffForm = null)
    {
        db.ChangeTracker.Clear();
        if (await agreements.FindAsync(agreement.Id, Me) is not { } fresh) { return NotFound(); }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (conflict)
        {
            ModelState.AddModelError(string.Empty, L[ConflictMessage]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(PageView, await PageAsync(fresh, month, form, staffForm ?? new StaffForm()));
    }

    private async Task<FulfilmentPage> PageAsync(Agreement agreement, DateOnly? requested, ServiceRecordForm form, StaffForm staffForm)
    {
        var today = BeijingTime.Today(agreements.Now);
        var months = Months(agreement, today);
        var month = requested is { } r && months.Contains(r) ? r : months.LastOrDefault(new DateOnly(today.Year, today.Month, 1));
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, HttpContext.RequestAborted);
        var plan = ServicePlan.Of(agreed).Where(l => l.Period.Start <= month.AddMonths(1).AddDays(-1) && l.Period.End >= month).ToList();
        var from = plan.Count == 0 ? month : plan.Min(l => l.Period.Start);
        var to = plan.Count == 0 ? month.AddMonths(1).AddDays(-1) : plan.Max(l => l.Period.End);

        // The records of every period shown (a year line needs the whole agreement year), and the corrections of them.
        var records = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.AgreementId == agreement.Id && r.ServiceDate >= from && r.ServiceDate <= to)
            .OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.RecordedAtUtc)
            .ToListAsync();
        var replaced = records.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        var roster = await db.StaffMembers.AsNoTracking()
            .Where(s => s.MedicalInstitutionId == agreement.MedicalInstitutionId && s.IsActive)
            .OrderBy(s => s.Title).ThenBy(s => s.Name).ToListAsync();
        var names = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name)
            .Concat(db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name)).ToListAsync();
        var confirmation = await ConfirmationAsync(agreement, records);
        return new FulfilmentPage(
            agreement, names.ElementAtOrDefault(0) ?? string.Empty, names.ElementAtOrDefault(1) ?? string.Empty, month, months,
            FulfilmentSummary.Of(plan, records), records.Where(r => r.ServiceDate.Year == month.Year && r.ServiceDate.Month == month.Month).ToList(),
            replaced, roster, today,
            await MayAsync(agreement, AgreementAction.RecordService), await MayAsync(agreement, AgreementAction.ConfirmService),
            form, staffForm, confirmation, Me.SideOf(agreement) is not null)
        { Agreed = agreed };
    }

    /// <summary>逾期未确认 by the tenant's window (ADR 035): one expression for this month's rows and the agreement's count.</summary>
    private async Task<ConfirmationDue> ConfirmationAsync(Agreement agreement, IReadOnlyList<ServiceRecord> records)
    {
        var days = await db.Tenants.Where(t => t.Id == agreement.TenantId).Select(t => t.ServiceConfirmationDays).SingleAsync();
        var overdue = ConfirmationWindow.Overdue(ConfirmationWindow.Cutoff(agreements.Now, days));
        var count = await db.ServiceRecords.Where(r => r.AgreementId == agreement.Id).Where(overdue).CountAsync();
        var isOverdue = overdue.Compile();
        return new ConfirmationDue(days, records.Where(isOverdue).Select(r => r.Id).ToHashSet(), count, agreement.MayHaveAnnualFee);
    }

    /// <summary>The months of the service days up to this one, newest last.</summary>
    internal static List<DateOnly> Months(Agreement agreement, DateOnly today)
    {
        var months = new List<DateOnly>();
        if (agreement.ServiceDays() is not { } days)
        {
            return months;
        }

        var last = days.To < today ? days.To : today;
        for (var m = new DateOnly(days.From.Year, days.From.Month, 1); m <= last; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    internal static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;
}
