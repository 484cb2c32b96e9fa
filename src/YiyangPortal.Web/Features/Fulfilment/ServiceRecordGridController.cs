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
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>
/// 按月登记 (issue 15): the medical institution enters a month's deliveries in a grid or from an XLSX sheet, all saved
/// in one transaction or none (<see cref="FulfilmentWorkflow.RecordManyAsync"/>), and adds a sign-in sheet scan to a
/// record still waiting for its answer; the elder-care side reads the month's records and sheets here. Only the
/// agreement's medical side may enter (<see cref="AgreementAction.RecordService"/>);
/// agreements the user may not see are not found.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementParties)]
[Route("agreements/{id:guid}/fulfilment")]
public sealed class ServiceRecordGridController(
    PortalDbContext db, AgreementWorkflow agreements, FulfilmentWorkflow workflow, IAuthorizationService authorization) : PortalController
{
    private const string PageView = "~/Features/Fulfilment/Grid.cshtml";

    /// <summary>Blank rows offered without JavaScript (the add-row button adds more).</summary>
    public const int BlankRows = 8;

    /// <summary>Rows the grid posts at most (each six fields).</summary>
    public const int MaxGridRows = 100;

    [HttpGet("grid")]
    public async Task<IActionResult> Grid(Guid id, string? month)
    {
        // Both parties: the home reads the sign-in sheets before it confirms; only the clinic gets the grid.
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        return View(PageView, await PageAsync(agreement, FulfilmentController.ParseMonth(month), []));
    }

    [HttpPost("grid")]
    [RequestFormLimits(ValueCountLimit = (ServiceRecordBatch.MaxRows * 7) + 50)]
    public async Task<IActionResult> Save(Guid id, string? month, [FromForm(Name = "rows")] List<ServiceRecordForm>? rows)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var typed = (rows ?? []).Where(r => !IsBlank(r)).Take(ServiceRecordBatch.MaxRows).ToList();
        var monthValue = FulfilmentController.ParseMonth(month);
        if (typed.Count == 0)
        {
            return await RefusedAsync(agreement, monthValue, typed, [], [new FieldError(string.Empty, "请至少填写一行服务记录。")]);
        }

        return await SaveRowsAsync(agreement, monthValue, typed.Select((f, i) => (Row: i + 1, Form: f)).ToList(), fromSheet: false);
    }

    [HttpGet("grid/template.xlsx")]
    public async Task<IActionResult> Template(Guid id, string? month)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement)) { return StatusCode(StatusCodes.Status403Forbidden); }
        var roster = await RosterAsync(agreement);
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, HttpContext.RequestAborted);
        var items = agreed.RecordableIn(MonthShown(agreement, FulfilmentController.ParseMonth(month)));
        return File(ServiceRecordSheet.Template(items, roster),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"服务记录导入模板-{agreement.DocumentNumber}.xlsx");
    }

    [HttpPost("grid/import")]
    [RequestSizeLimit(2 * ServiceRecordSheet.MaxBytes)] // a somewhat larger file still gets the page's own message
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * ServiceRecordSheet.MaxBytes)]
    public async Task<IActionResult> Import(Guid id, string? month, IFormFile? file)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var monthValue = FulfilmentController.ParseMonth(month);
        if (file is null || file.Length == 0)
        {
            return await RefusedAsync(agreement, monthValue, [], [new ImportError(0, string.Empty, "请选择要导入的文件。")], []);
        }

        if (file.Length > ServiceRecordSheet.MaxBytes || !TabularFile.IsXlsx(file.FileName))
        {
            return await RefusedAsync(agreement, monthValue, [], [new ImportError(0, string.Empty, "请上传 {0} MB 以内、用导入模板填写的 .xlsx 文件。", ServiceRecordSheet.MaxBytes / 1024 / 1024)], []);
        }

        await using var stream = file.OpenReadStream();
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, HttpContext.RequestAborted);
        var (rows, errors) = ServiceRecordSheet.Read(stream, agreed, await RosterAsync(agreement));
        if (rows.Count == 0 || errors.Any(e => e.Row is 0 or 1))
        {
            return await RefusedAsync(agreement, monthValue, [], errors, []);
        }

        return await SaveRowsAsync(agreement, monthValue, rows, fromSheet: true, errors);
    }

    [HttpPost("records/{recordId:guid}/sheet")]
    [RequestSizeLimit(2 * ServiceRecordAttachment.MaxBytes)] // a somewhat larger file still gets the page's own message
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * ServiceRecordAttachment.MaxBytes)]
    public async Task<IActionResult> Upload(Guid id, Guid recordId, IFormFile? file)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var day = await db.ServiceRecords.Where(r => r.Id == recordId && r.AgreementId == id).Select(r => (DateOnly?)r.ServiceDate).SingleOrDefaultAsync();
        if (day is not { } serviceDate) { return NotFound(); }

        var month = new DateOnly(serviceDate.Year, serviceDate.Month, 1);
        byte[] content = [];
        if (file is { Length: > ServiceRecordAttachment.MaxBytes })
        {
            // Refused on its length alone, without reading what is over the limit.
            content = new byte[ServiceRecordAttachment.MaxBytes + 1];
        }
        else if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }

        var (saved, problem, conflict) = await workflow.AttachSheetAsync(
            agreement, recordId, file?.FileName ?? string.Empty, content, agreements.Actor(Me), HttpContext.RequestAborted);
        if (saved is null)
        {
            var field = $"sheet-{recordId}";
            return await RefusedAsync(agreement, month, [], [], [conflict
                ? new FieldError(field, "该服务记录刚刚被其他人上传了签到表，您的文件没有保存。")
                : new FieldError(field, problem!)]);
        }

        Flash(L["已上传签到表。"]);
        return Redirect($"~/agreements/{id}/fulfilment/grid?month={month:yyyy-MM}#sheets");
    }

    /// <summary>
    /// The rows through the same reading and the same domain rule as one record; all saved, or the grid again with each
    /// message next to its cell and, for a sheet, listed by its row and column (422).
    /// </summary>
    private async Task<IActionResult> SaveRowsAsync(
        Agreement agreement, DateOnly? month, List<(int Row, ServiceRecordForm Form)> rows, bool fromSheet, List<ImportError>? sheetErrors = null)
    {
        var cellErrors = new List<FieldError>();
        var listed = sheetErrors ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var problem in rows[i].Form.Unreadable())
            {
                cellErrors.Add(problem with { Field = $"rows[{i}].{problem.Field}" });
                listed.Add(new ImportError(rows[i].Row, ServiceRecordSheet.Column(problem.Field), problem.Text));
            }
        }

        var forms = rows.ConvertAll(r => r.Form);
        if (cellErrors.Count > 0 || listed.Count > 0)
        {
            return await RefusedAsync(agreement, month, forms, fromSheet ? listed : [], cellErrors);
        }

        var outcome = await workflow.RecordManyAsync(agreement, forms.ConvertAll(f => f.ToDelivery()), agreements.Actor(Me), HttpContext.RequestAborted);
        if (outcome.Conflict)
        {
            return await RefusedAsync(agreement, month, forms, [], [new FieldError(string.Empty, FulfilmentController.ConflictMessage)]);
        }

        if (!outcome.Saved)
        {
            for (var i = 0; i < outcome.RowProblems.Count; i++)
            {
                foreach (var problem in outcome.RowProblems[i])
                {
                    cellErrors.Add(problem with { Field = problem.Field.Length == 0 ? string.Empty : $"rows[{i}].{problem.Field}" });
                    listed.Add(new ImportError(rows[i].Row, ServiceRecordSheet.Column(problem.Field), problem.Text));
                }
            }

            return await RefusedAsync(agreement, month, forms, fromSheet ? listed : [], cellErrors);
        }

        Flash(L["已登记 {0} 条服务记录，等待养老机构确认。", outcome.Records.Count]);
        var first = outcome.Records.Min(r => r.ServiceDate);
        return Redirect($"~/agreements/{agreement.Id}/fulfilment?month={first:yyyy-MM}#records");
    }

    /// <summary>The grid again with every typed value kept and each message next to its cell (422); nothing saved.</summary>
    private async Task<IActionResult> RefusedAsync(
        Agreement agreement, DateOnly? month, List<ServiceRecordForm> rows, IReadOnlyList<ImportError> sheetErrors, IReadOnlyList<FieldError> cellErrors)
    {
        db.ChangeTracker.Clear();
        if (await agreements.FindAsync(agreement.Id, Me) is not { } fresh) { return NotFound(); }

        // The rows carry what was typed; the binder's own (English) complaints give way to the messages below.
        ModelState.Clear();
        foreach (var problem in cellErrors)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(PageView, await PageAsync(fresh, month, rows, sheetErrors));
    }

    private async Task<ServiceRecordGridPage> PageAsync(Agreement agreement, DateOnly? requested, List<ServiceRecordForm> rows, IReadOnlyList<ImportError>? sheetErrors = null)
    {
        var today = BeijingTime.Today(agreements.Now);
        var months = FulfilmentController.Months(agreement, today);
        var month = MonthShown(agreement, requested);
        var end = month.AddMonths(1).AddDays(-1);
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, HttpContext.RequestAborted);
        var plan = ServicePlan.Of(agreed).Where(l => l.Period.Start <= end && l.Period.End >= month).ToList();
        var records = await db.ServiceRecords.AsNoTracking()
            .Where(x => x.AgreementId == agreement.Id && x.ServiceDate >= month && x.ServiceDate <= end)
            .OrderBy(x => x.ServiceDate).ThenBy(x => x.RecordedAtUtc).ToListAsync();
        var sheets = await db.ServiceRecordAttachments.AsNoTracking()
            .Where(a => a.AgreementId == agreement.Id && a.ServiceDate >= month && a.ServiceDate <= end)
            .Select(a => a.ServiceRecordId).ToListAsync();
        // What was typed, then blank rows to go on with (a few more when the page works without JavaScript).
        var shown = rows.Concat(Enumerable.Range(0, rows.Count == 0 ? BlankRows : 2).Select(_ => new ServiceRecordForm())).ToList();
        return new ServiceRecordGridPage(agreement, month, months, plan, agreed.RecordableIn(month), records,
            sheets.ToHashSet(), await RosterAsync(agreement), shown, sheetErrors ?? [], today, await MayAsync(agreement));
    }

    /// <summary>The month asked for when it is one of the service months up to today, else the latest of them.</summary>
    private DateOnly MonthShown(Agreement agreement, DateOnly? requested)
    {
        var today = BeijingTime.Today(agreements.Now);
        var months = FulfilmentController.Months(agreement, today);
        return requested is { } r && months.Contains(r) ? r : months.LastOrDefault(new DateOnly(today.Year, today.Month, 1));
    }

    private Task<List<StaffMember>> RosterAsync(Agreement agreement) =>
        db.StaffMembers.AsNoTracking()
            .Where(s => s.MedicalInstitutionId == agreement.MedicalInstitutionId && s.IsActive)
            .OrderBy(s => s.Title).ThenBy(s => s.Name).ToListAsync();

    private async Task<bool> MayAsync(Agreement agreement) =>
        (await authorization.AuthorizeAsync(User, agreement, new AgreementRequirement(AgreementAction.RecordService))).Succeeded;

    private static bool IsBlank(ServiceRecordForm f) =>
        f.AgreementItemId is null && f.StaffMemberId is null && string.IsNullOrWhiteSpace(f.ServiceDate)
        && string.IsNullOrWhiteSpace(f.ResidentsServed) && string.IsNullOrWhiteSpace(f.DurationMinutes) && string.IsNullOrWhiteSpace(f.Notes);
}

/// <summary>
/// 按月登记: the month's plan, the items agreed in it (ADR 044) and its records, and the grid's rows as typed (or blank),
/// with a sheet's problems.
/// </summary>
public sealed record ServiceRecordGridPage(
    Agreement Agreement,
    DateOnly Month,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<PlanLine> Plan,
    IReadOnlyList<AgreedItem> Items,
    IReadOnlyList<ServiceRecord> Records,
    IReadOnlySet<Guid> WithSheet,
    IReadOnlyList<StaffMember> Roster,
    IReadOnlyList<ServiceRecordForm> Rows,
    IReadOnlyList<ImportError> SheetErrors,
    DateOnly Today,
    bool CanRecord)
{
    public string Url => $"~/agreements/{Agreement.Id}/fulfilment";

    public string MonthValue => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
