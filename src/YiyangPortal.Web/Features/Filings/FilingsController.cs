using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Filings;

public sealed record FilingList(
    Paged<FilingRow> Page, FilingStatus? Status, bool OverdueOnly, bool IsRegulator, DateOnly Today, bool ToSubmitOnly = false);

/// <summary>
/// 备案: the parties submit (2020 guide 六(四)), the county regulator of the filing's bureau accepts or returns it.
/// Every id from the URL goes through <see cref="FilingScope"/>: a filing outside the user's scope is a 404.
/// </summary>
[Authorize(Roles = $"{nameof(PortalRole.ElderCareStaff)},{nameof(PortalRole.MedicalAdmin)},{nameof(PortalRole.Regulator)}")]
[Route("filings")]
public sealed class FilingsController(PortalDbContext db) : PortalController
{
    private const string DetailView = "~/Features/Filings/Detail.cshtml";
    private const string Concurrent = "该备案刚刚已由他人处理，请查看最新状态。";

    [HttpGet("")]
    public async Task<IActionResult> Index(FilingStatus? status, bool overdue = false, string? todo = null, int page = 1)
    {
        var today = FilingScope.Today;
        var filings = FilingScope.Visible(db, Me).AsNoTracking();
        var toSubmit = todo == "submit";
        if (overdue)
        {
            filings = filings.Where(FilingTurn.OverdueOn(today));
        }
        else if (toSubmit)
        {
            // The parties' to-do: 待报送 and 退回补正 (what the home page counts).
            filings = filings.Where(FilingTurn.AwaitingParties);
        }
        else if (status is { } s)
        {
            filings = filings.Where(f => f.Status == s);
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
        var filing = await LoadAsync(id);
        if (filing is null || FilingScope.PartyOf(Me) is not { } party) { return NotFound(); }
        var actor = new AgreementActor(party, Me.Id, DateTimeOffset.UtcNow);
        if (ModelState.IsValid && form.Scan is { Length: > 0 } scan)
        {
            await using var stream = scan.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            if (Attempt(nameof(form.Scan), () => new FilingAttachment(filing.TenantId, filing.Id, scan.FileName, buffer.ToArray(), actor)) is { } attachment)
            {
                db.FilingAttachments.Add(attachment);
            }
        }

        if (ModelState.IsValid && Attempt(nameof(form.Note), () =>
            {
                if (filing.Status == FilingStatus.Returned) { filing.Resubmit(actor, form.Note); }
                else { filing.Submit(actor, form.Note); }
                return filing;
            }) is not null)
        {
            TempData["Flash"] = await SaveAsync() ? $"已向{Labels.Of(filing.Bureau)}报送备案。" : Concurrent;
            return RedirectToAction(nameof(Detail), new { id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(DetailView, await DetailAsync(id));
    }

    [HttpPost("{id:guid}/accept")]
    public Task<IActionResult> Accept(Guid id) =>
        ReviewAsync(id, nameof(Accept), (filing, reviewer, at) => filing.Accept(reviewer, Me.Id, at), "已受理该备案。");

    [HttpPost("{id:guid}/return")]
    public async Task<IActionResult> Return(Guid id, ReturnFilingForm form)
    {
        if (!ModelState.IsValid)
        {
            if (await DetailAsync(id) is not { } detail) { return NotFound(); }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(DetailView, detail);
        }

        return await ReviewAsync(id, "Reason", (filing, reviewer, at) => filing.Return(reviewer, Me.Id, at, form.Reason!), "已退回补正，并通知双方。");
    }

    private async Task<IActionResult> ReviewAsync(Guid id, string field, Action<Filing, RoleAssignment, DateTimeOffset> act, string flash)
    {
        var filing = await LoadAsync(id);
        if (filing is null || Me.Role != PortalRole.Regulator) { return NotFound(); }
        var reviewer = Me.CountyId is { } county ? RoleAssignment.CountyRegulator(Me.Bureau!.Value, county) : RoleAssignment.CityRegulator(Me.Bureau!.Value);
        if (Attempt(field, () => { act(filing, reviewer, DateTimeOffset.UtcNow); return filing; }) is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(DetailView, await DetailAsync(id));
        }

        await NotifyPartiesAsync(filing);
        TempData["Flash"] = await SaveAsync() ? flash : Concurrent;
        return RedirectToAction(nameof(Detail), new { id });
    }

    private async Task NotifyPartiesAsync(Filing filing)
    {
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == filing.AgreementId)
            .Select(a => new { a.DocumentNumber, a.ElderCareInstitutionId, a.MedicalInstitutionId }).SingleAsync();
        var users = await db.Users.Where(u => (u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == agreement.ElderCareInstitutionId)
                                              || (u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == agreement.MedicalInstitutionId))
            .Select(u => u.Id).ToListAsync();
        var title = $"{Labels.Of(filing.Bureau)}已{filing.Status.ToChinese()}协议 {agreement.DocumentNumber} 的备案";
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification(filing.TenantId, user, NotificationKind.FilingReviewed, title, $"/filings/{filing.Id}", DateTimeOffset.UtcNow));
        }
    }

    /// <summary>False when someone else changed the filing since it was loaded (xmin): nothing is saved then.</summary>
    private async Task<bool> SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private Task<Filing?> LoadAsync(Guid id) =>
        FilingScope.Visible(db, Me).Include(f => f.History).SingleOrDefaultAsync(f => f.Id == id);

    private async Task<FilingDetail?> DetailAsync(Guid id)
    {
        var filing = await FilingScope.Visible(db, Me).AsNoTracking().Include(f => f.History).SingleOrDefaultAsync(f => f.Id == id);
        if (filing is null) { return null; }
        var row = await FilingQueries.Rows(db, db.Filings.Where(f => f.Id == id)).SingleAsync();
        var (attachments, history, sha) = await FilingQueries.ExtrasAsync(db, filing);
        var canSubmit = FilingScope.PartyOf(Me) is not null && filing.Status is FilingStatus.Pending or FilingStatus.Returned;
        var canReview = Me.Role == PortalRole.Regulator && Me.CountyId == filing.CountyId && filing.Status == FilingStatus.Submitted;
        return new FilingDetail(row, filing, sha, attachments, history, canSubmit, canReview, FilingScope.Today);
    }

    private T? Attempt<T>(string field, Func<T> action)
        where T : class
    {
        try
        {
            return action();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, e.Message);
            return null;
        }
    }
}
