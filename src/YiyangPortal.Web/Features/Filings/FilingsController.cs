using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Filings;

public sealed record FilingList(
    Paged<FilingRow> Page, FilingStatus? Status, bool OverdueOnly, bool IsRegulator, DateOnly Today, bool ToSubmitOnly = false);

/// <summary>
/// 备案: the parties submit (2020 guide 六(四)), the county regulator of the filing's bureau accepts or returns it.
/// Every id from the URL goes through <see cref="FilingScope"/>: a filing outside the user's scope is a 404.
/// </summary>
[Authorize(Policy = PortalPolicies.FilingUsers)]
[Route("filings")]
public sealed class FilingsController(PortalDbContext db, FilingWorkflow workflow, IAuthorizationService authorization) : PortalController
{
    private const string DetailView = "~/Features/Filings/Detail.cshtml";
    private const string Concurrent = "该备案刚刚已由他人处理，请查看最新状态。";

    [HttpGet("")]
    public async Task<IActionResult> Index(FilingStatus? status, bool overdue = false, string? todo = null, int page = 1)
    {
        var today = workflow.Today;
        var filings = FilingScope.Visible(db, Me).AsNoTracking();
        var toSubmit = todo == "submit";
        if (overdue)
        {
            filings = filings.Where(FilingTurn.OverdueOn(today));
        }
        else if (toSubmit)
        {
            // The parties' to-do: 待报送 and 需补正 (what the home page counts).
            filings = filings.Where(FilingTurn.AwaitingParties);
        }
        else if (status is { } s)
        {
            // The tab shows what the badge shows: an overdue 待报送 or 需补正 is under 逾期 only, as on the dashboard.
            filings = filings.Where(FilingTurn.ShownAs(s, today));
        }

        var paged = await filings.ToPageAsync(
            q => FilingQueries.Rows(db, q), page);
        return View("~/Features/Filings/Index.cshtml", new FilingList(paged, status, overdue, Me.Role == PortalRole.Regulator, today, toSubmit && !overdue));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id) =>
        await DetailAsync(id) is { } detail ? View(DetailView, detail) : NotFound();

    [HttpPost("{id:guid}/submit")]
    [RequestSizeLimit(FilingAttachment.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = FilingAttachment.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Submit(Guid id, SubmitFilingForm form)
    {
        var filing = await workflow.FindAsync(id, Me);
        if (filing is null || workflow.Actor(Me) is not { } actor) { return NotFound(); }
        FilingAttachment? scan = null;
        if (ModelState.IsValid && form.Scan is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            try
            {
                scan = new FilingAttachment(filing.TenantId, filing.Id, file.FileName, buffer.ToArray(), actor);
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(nameof(form.Scan), L.Message(e));
            }
        }

        if (ModelState.IsValid && await AttemptAsync(nameof(form.Note), () => workflow.SubmitAsync(filing, actor, form.Note, scan)) is { } outcome)
        {
            Flash(outcome == SaveOutcome.Saved ? L["已向{0}报送备案。", L[Labels.Of(filing.Bureau)]] : L[Concurrent]);
            return RedirectToAction(nameof(Detail), new { id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(DetailView, await DetailAsync(id));
    }

    [HttpPost("{id:guid}/accept")]
    public Task<IActionResult> Accept(Guid id) =>
        ReviewAsync(id, nameof(Accept), (filing, reviewer) => workflow.AcceptAsync(filing, reviewer, Me.Id), L["已确认备案。"]);

    [HttpPost("{id:guid}/return")]
    public async Task<IActionResult> Return(Guid id, ReturnFilingForm form)
    {
        if (!ModelState.IsValid)
        {
            if (await DetailAsync(id) is not { } detail) { return NotFound(); }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(DetailView, detail);
        }

        return await ReviewAsync(
            id, nameof(form.CorrectionDueDate),
            (filing, reviewer) => workflow.ReturnAsync(filing, reviewer, Me.Id, form.Reason!, form.CorrectionDueDate!.Value),
            L["已要求补正，并通知双方。"]);
    }

    private async Task<IActionResult> ReviewAsync(Guid id, string field, Func<Filing, RoleAssignment, Task<SaveOutcome>> act, LocalizedString flash)
    {
        var filing = await workflow.FindAsync(id, Me);
        if (filing is null || Me.Assignment is not { Role: PortalRole.Regulator } reviewer) { return NotFound(); }
        if (await AttemptAsync(field, () => act(filing, reviewer)) is not { } outcome)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(DetailView, await DetailAsync(id));
        }

        Flash(outcome == SaveOutcome.Saved ? flash : L[Concurrent]);
        return RedirectToAction(nameof(Detail), new { id });
    }

    private async Task<FilingDetail?> DetailAsync(Guid id)
    {
        var filing = await FilingScope.Visible(db, Me).AsNoTracking().Include(f => f.History).SingleOrDefaultAsync(f => f.Id == id);
        if (filing is null) { return null; }
        var row = await FilingQueries.Rows(db, db.Filings.Where(f => f.Id == id)).SingleAsync();
        var (attachments, history, sha) = await FilingQueries.ExtrasAsync(db, filing);
        return new FilingDetail(
            row, filing, sha, attachments, history,
            (await authorization.AuthorizeAsync(User, filing, FilingRequirement.Submit)).Succeeded,
            (await authorization.AuthorizeAsync(User, filing, FilingRequirement.Review)).Succeeded, workflow.Today);
    }

    /// <summary>The step's result, or null with the domain's message next to <paramref name="field"/>.</summary>
    private async Task<SaveOutcome?> AttemptAsync(string field, Func<Task<SaveOutcome>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, L.Message(e));
            return null;
        }
    }
}
