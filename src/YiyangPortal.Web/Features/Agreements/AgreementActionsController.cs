using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// The workflow steps both parties take on the detail page: review of items (乙方), accept or return, signing,
/// termination, renewal and supplement. Every step goes through the aggregate (which refuses what the state does not
/// allow) and is saved with the version the user saw, so a simultaneous change by someone else is not overwritten.
/// A refused step comes back to the page with its message next to the form and what was typed in it.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementParties)]
[Route("agreements/{id:guid}")]
public sealed class AgreementActionsController(
    PortalDbContext db, AgreementWorkflow workflow, AgreementDetails details, AgreementPdfRenderer printer) : PortalController
{
    public const string ConflictMessage = "该协议刚刚被其他人修改过，您的操作没有保存。请查看最新内容后再操作。";

    [HttpPost("items/{itemId:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, Guid itemId, uint version) =>
        ActAsync(id, version, $"review-{itemId}", (a, by) => a.ApproveItem(by, itemId), L["已同意该服务项目。"], $"#item-{itemId}");

    [HttpPost("items/approve-remaining")]
    public Task<IActionResult> ApproveRemaining(Guid id, uint version) =>
        ActAsync(id, version, "items", (a, by) => a.ApproveRemaining(by), L["已同意其余全部服务项目。"], "#items");

    [HttpPost("items/{itemId:guid}/reject")]
    public Task<IActionResult> Reject(Guid id, Guid itemId, uint version, string? reason) =>
        ActAsync(id, version, $"review-{itemId}-reject", (a, by) => a.RejectItem(by, itemId, Required(reason, "请填写不同意的理由。")), L["已不同意该服务项目。"], $"#item-{itemId}");

    [HttpPost("items/{itemId:guid}/propose")]
    public Task<IActionResult> Propose(Guid id, Guid itemId, uint version, int? frequency, decimal? price, string? reason) =>
        ActAsync(id, version, $"review-{itemId}-propose", (a, by) => a.ProposeChange(
            by, itemId, frequency, price is { } p ? Money.FromYuan(p) : null, Required(reason, "请填写修改建议的理由。")), L["已提出修改建议。"], $"#item-{itemId}");

    [HttpPost("items/{itemId:guid}/accept-proposal")]
    public Task<IActionResult> AcceptProposal(Guid id, Guid itemId, uint version) =>
        ActAsync(id, version, $"review-{itemId}", (a, by) => a.AcceptProposal(by, itemId), L["已接受对方的修改建议。"], $"#item-{itemId}");

    [HttpPost("accept")]
    public Task<IActionResult> Accept(Guid id, uint version) =>
        ActAsync(id, version, "accept", (a, by) => a.Accept(by), L["审核通过，等待双方签署。"]);

    [HttpPost("return")]
    public Task<IActionResult> Return(Guid id, uint version, string? reason) =>
        ActAsync(id, version, "return", (a, by) => a.ReturnForRevision(by, Required(reason, "请填写退回理由。")), L["已退回修改。"]);

    /// <summary>
    /// Name, title and an explicit confirmation, with the user's own login; the SHA-256 of the exact text signed is
    /// recorded with the signature (issue 4). The form carries the SHA-256 the page showed: a text that changed since
    /// is refused. Saving applies the institution's seal, whose appearance shows the signer, title and time (issue 14).
    /// </summary>
    [HttpPost("sign")]
    public async Task<IActionResult> Sign(
        Guid id, uint version, string? signerName, string? signerTitle, string? textSha256, bool confirmed = false)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return await CompleteAsync(agreement, version, "sign", async (a, by) =>
        {
            if (!confirmed)
            {
                throw new DomainException("请先阅读协议全文，并勾选“我已阅读并同意以上协议内容”。");
            }

            var text = await workflow.TextForSignatureAsync(a);
            if (!string.IsNullOrWhiteSpace(textSha256) && !string.Equals(textSha256.Trim(), text.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("协议文本在您确认后已发生变化，未签署。请重新阅读最新的协议全文后再签署。");
            }

            // The signer's name and title are printed in the sealed copy and its audit certificate.
            a.Sign(by, printer.Printed(Required(signerName, "请填写签署人姓名。")), printer.Printed(Required(signerTitle, "请填写签署人职务。")), ip,
                text.Sha256, await workflow.SamePairAsync(a));
        }, L["已签署。"]);
    }

    /// <summary>2020 guide 六(二): one party proposes to terminate (协商一致 or 单方通知) with a reason, from today on.</summary>
    [HttpPost("termination/propose")]
    public async Task<IActionResult> ProposeTermination(Guid id, uint version, string? kind, string? reason, DateOnly? terminateOn)
    {
        var noticeDays = await db.Tenants.Where(t => t.Id == TenantId).Select(t => t.TerminationNoticeDays).SingleAsync();
        return await ActAsync(id, version, "terminate", (a, by) => a.ProposeTermination(
            by, Enum.TryParse<TerminationKind>(kind, out var k) && Enum.IsDefined(k) ? k : throw new DomainException("请选择终止方式（协商一致或单方通知）。"),
            Required(reason, "请填写终止理由。"), terminateOn ?? throw new DomainException("请填写终止日期。"), noticeDays),
            L["已提出终止，等待对方确认。"], "#termination");
    }

    [HttpPost("termination/confirm")]
    public Task<IActionResult> ConfirmTermination(Guid id, uint version) =>
        ActAsync(id, version, "termination", (a, by) => a.ConfirmTermination(by), L["已确认终止。"], "#termination");

    [HttpPost("termination/decline")]
    public Task<IActionResult> DeclineTermination(Guid id, uint version, string? declineReason) =>
        ActAsync(id, version, "termination", (a, by) => a.DeclineTermination(by, Required(declineReason, "请填写不同意终止的理由。")), L["已不同意终止，协议继续有效。"], "#termination");

    [HttpPost("termination/withdraw")]
    public Task<IActionResult> WithdrawTermination(Guid id, uint version) =>
        ActAsync(id, version, "termination", (a, by) => a.WithdrawTermination(by), L["已撤回终止申请，协议继续有效。"], "#termination");

    [HttpPost("renew")]
    public async Task<IActionResult> Renew(Guid id)
    {
        // 续签 once: the button is gone once a renewal exists; a form posted twice, or two at once, is refused.
        var existing = await db.Agreements.Where(a => a.RenewalOfId == id).Select(a => a.DocumentNumber).FirstOrDefaultAsync();
        return await DeriveAsync(id, (a, by, number) => a.CreateRenewal(by, number, existing), number => L["已创建续签草稿 {0}。", number]);
    }

    [HttpPost("supplement")]
    public async Task<IActionResult> Supplement(Guid id)
    {
        var supplements = await workflow.SupplementsOfAsync(id);
        return await DeriveAsync(id, (a, by, number) => a.CreateSupplement(by, number, supplements), number => L["已创建补充协议草稿 {0}。", number]);
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(message) : text.Trim();

    private async Task<IActionResult> ActAsync(
        Guid id, uint version, string form, Action<Agreement, AgreementActor> change, LocalizedString done, string anchor = "") =>
        await workflow.FindAsync(id, Me) is { } agreement
            ? await CompleteAsync(agreement, version, form, (a, by) => { change(a, by); return Task.CompletedTask; }, done, anchor)
            : NotFound();

    private async Task<IActionResult> CompleteAsync(
        Agreement agreement, uint version, string form, Func<Agreement, AgreementActor, Task> change, LocalizedString done, string anchor = "")
    {
        try
        {
            // A value that could not even be read (e.g. letters in the frequency) is refused with its own message.
            if (ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is { } unreadable)
            {
                throw new DomainException(unreadable.ErrorMessage);
            }

            await change(agreement, workflow.Actor(Me));
        }
        catch (DomainException e)
        {
            return await RefusedAsync(agreement.Id, form, L.Message(e));
        }

        SaveOutcome outcome;
        try
        {
            outcome = await workflow.SaveAsync(agreement, version);
        }
        catch (DomainException e)
        {
            // Refused while saving (a seal that could not be applied, issue 14): nothing was written.
            return await RefusedAsync(agreement.Id, form, L.Message(e));
        }

        if (outcome == SaveOutcome.Conflict)
        {
            return await RefusedAsync(agreement.Id, form, L[ConflictMessage]);
        }

        Flash(done);
        return Redirect($"~/agreements/{agreement.Id}{anchor}");
    }

    /// <summary>The detail page again, as it is now, with the message at the form that was used and its typed values.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string form, string message)
    {
        db.ChangeTracker.Clear();
        if (await workflow.FindAsync(id, Me) is not { } fresh) { return NotFound(); }
        var key = form.EndsWith("-propose", StringComparison.Ordinal) || form.EndsWith("-reject", StringComparison.Ordinal)
            ? form[..form.LastIndexOf('-')]
            : form;
        ModelState.Clear();
        foreach (var (field, value) in Request.Form.Where(f => f.Key != "__RequestVerificationToken"))
        {
            ModelState.SetModelValue(field, value, value.ToString());
        }

        ModelState.AddModelError(key, message);
        ViewData["PostedForm"] = form;
        ViewData["PostedFormKey"] = key;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Features/Agreements/Detail.cshtml", await details.BuildAsync(fresh, User));
    }

    /// <summary>
    /// A renewal or supplement drafted from <paramref name="id"/>. Its 协议编号 comes from the county's atomic counter,
    /// so it never collides; a second renewal made at the same moment is refused by the unique renewal index and comes
    /// back as the conflict message.
    /// </summary>
    private async Task<IActionResult> DeriveAsync(Guid id, Func<Agreement, AgreementActor, string, Agreement> derive, Func<string, LocalizedString> done)
    {
        if (await workflow.FindAsync(id, Me) is not { } parent) { return NotFound(); }
        Agreement draft;
        try
        {
            var county = await db.ElderCareInstitutions.Where(i => i.Id == parent.ElderCareInstitutionId)
                .Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => c.DivisionCode).SingleAsync();
            draft = derive(parent, workflow.Actor(Me), await DocumentCounters.NextAsync(db, county, workflow.Now));
        }
        catch (DomainException e)
        {
            FlashError(L.Message(e));
            return Redirect($"~/agreements/{id}");
        }

        db.Agreements.Add(draft);
        if (await workflow.SaveAsync(draft, null) == SaveOutcome.Conflict)
        {
            FlashError(L[ConflictMessage]);
            return Redirect($"~/agreements/{id}");
        }

        Flash(done(draft.DocumentNumber));
        return Redirect($"~/agreements/{draft.Id}/edit");
    }
}
