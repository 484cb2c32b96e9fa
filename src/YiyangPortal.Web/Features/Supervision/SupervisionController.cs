using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Supervision;

/// <summary>The 督查 form as typed (kept whole when refused).</summary>
public sealed class SupervisionForm
{
    public string? Addressee { get; set; }

    public string? Body { get; set; }

    public string? RespondBy { get; set; }

    public AgreementParty? ParsedAddressee => Enum.TryParse<AgreementParty>(Addressee, out var p) && Enum.IsDefined(p) ? p : null;

    public DateOnly? ParsedRespondBy =>
        DateOnly.TryParseExact(RespondBy?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed record SupervisionPage(
    Agreement Agreement, string ElderCareName, string MedicalName, IReadOnlyList<SupervisionNotice> Notices,
    IReadOnlyDictionary<Guid, string> People, DateOnly Today, bool MaySend, AgreementParty? Side, SupervisionForm Form);

/// <summary>
/// 督查通知 of one agreement (issue 15): a county regulator whose county the agreement touches sends one to either party
/// and sees the answer; the addressed party's users answer once. Agreements the user may not read are not found;
/// a party sees only the notices sent to it.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementReaders)]
[Route("agreements/{id:guid}/supervision")]
public sealed class SupervisionController(PortalDbContext db, AgreementWorkflow agreements) : PortalController
{
    private const string PageView = "~/Features/Supervision/Index.cshtml";

    public const string ConflictMessage = "该督查通知刚刚已被答复，您的答复没有保存。请查看最新内容。";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        return View(PageView, await PageAsync(agreement, new SupervisionForm()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Send(Guid id, SupervisionForm form)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!MaySend(agreement)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var today = BeijingTime.Today(agreements.Now);
        var problems = SupervisionNotice.Problems(agreement, form.ParsedAddressee, form.Body, form.ParsedRespondBy, today).ToList();
        if (form.ParsedRespondBy is null && !string.IsNullOrWhiteSpace(form.RespondBy))
        {
            problems.RemoveAll(p => p.Field == nameof(SupervisionNotice.RespondBy));
            problems.Add(new FieldError(nameof(SupervisionNotice.RespondBy), new DomainMessage("“{0}”不是有效的日期，请按 年-月-日 填写。", form.RespondBy!.Trim())));
        }

        if (problems.Count > 0)
        {
            return await RefusedAsync(agreement, form, problems);
        }

        var notice = SupervisionNotice.Send(agreement, Me.CountyId!.Value, Me.Bureau!.Value, Me.Id, form.ParsedAddressee, form.Body, form.ParsedRespondBy, today, agreements.Now);
        db.SupervisionNotices.Add(notice);
        var institution = notice.Addressee == AgreementParty.ElderCare ? agreement.ElderCareInstitutionId : agreement.MedicalInstitutionId;
        var users = await FilingRecipients.PartyAsync(db, notice.Addressee, institution, HttpContext.RequestAborted);
        var title = new DomainMessage("督查通知：协议 {0}，请于 {1:yyyy年M月d日} 前答复", agreement.DocumentNumber, notice.RespondBy);
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification(agreement.TenantId, user, NotificationKind.Supervision, title, Link(agreement.Id), agreements.Now));
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Flash(L["督查通知已发出。"]);
        return Redirect($"~{Link(agreement.Id)}#notice-{notice.Id}");
    }

    [HttpPost("{noticeId:guid}/answer")]
    public async Task<IActionResult> Answer(Guid id, Guid noticeId, string? response)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var notice = await db.SupervisionNotices.SingleOrDefaultAsync(n => n.Id == noticeId && n.AgreementId == agreement.Id, HttpContext.RequestAborted);
        if (notice is null || Me.SideOf(agreement) is not { } side || side != notice.Addressee) { return NotFound(); }

        var key = $"response-{noticeId}";
        if (notice.AnswerProblems(side, response) is { Count: > 0 } problems)
        {
            return await RefusedAsync(agreement, new SupervisionForm(), problems.Select(p => p with { Field = p.Field.Length == 0 ? string.Empty : key }).ToList());
        }

        notice.Answer(side, Me.Id, response, agreements.Now);
        var title = new DomainMessage("督查答复：协议 {0} 的{1}已答复督查通知", agreement.DocumentNumber, new DomainMessage(side.ToChinese()));
        db.Notifications.Add(new Notification(agreement.TenantId, notice.SentByUserId, NotificationKind.Supervision, title, Link(agreement.Id), agreements.Now));
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another user of the party answered first: theirs stands.
            return await RefusedAsync(agreement, new SupervisionForm(), [new FieldError(string.Empty, ConflictMessage)]);
        }

        Flash(L["已答复督查通知。"]);
        return Redirect($"~{Link(agreement.Id)}#notice-{notice.Id}");
    }

    public static string Link(Guid agreementId) => $"/agreements/{agreementId}/supervision";

    // AgreementAccess let this regulator read it (a county the agreement touches); the domain says who may send.
    private bool MaySend(Agreement agreement) => SupervisionNotice.MaySend(agreement, Me.Role, Me.CountyId, Me.Bureau);

    private async Task<IActionResult> RefusedAsync(Agreement agreement, SupervisionForm form, IReadOnlyList<FieldError> problems)
    {
        db.ChangeTracker.Clear();
        if (await agreements.FindAsync(agreement.Id, Me) is not { } fresh) { return NotFound(); }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(PageView, await PageAsync(fresh, form));
    }

    private async Task<SupervisionPage> PageAsync(Agreement agreement, SupervisionForm form)
    {
        var side = Me.SideOf(agreement);
        var notices = await db.SupervisionNotices.AsNoTracking()
            .Where(n => n.AgreementId == agreement.Id && (side == null || n.Addressee == side))
            .OrderByDescending(n => n.SentAtUtc).ToListAsync(HttpContext.RequestAborted);
        var userIds = notices.Select(n => n.SentByUserId).Concat(notices.Where(n => n.AnsweredByUserId != null).Select(n => n.AnsweredByUserId!.Value)).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
        var names = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name)
            .Concat(db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name)).ToListAsync(HttpContext.RequestAborted);
        return new SupervisionPage(agreement, names.ElementAtOrDefault(0) ?? string.Empty, names.ElementAtOrDefault(1) ?? string.Empty,
            notices, people, BeijingTime.Today(agreements.Now), MaySend(agreement), side, form);
    }
}
