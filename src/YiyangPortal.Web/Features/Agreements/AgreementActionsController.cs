using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// The workflow steps both parties take on the detail page: review of items (乙方), accept or return, signing,
/// termination, renewal and supplement. Every step goes through the aggregate (which refuses what the state does not
/// allow) and is saved with the version the user saw, so a simultaneous change by someone else is not overwritten.
/// </summary>
[Authorize(Roles = $"{nameof(PortalRole.ElderCareStaff)},{nameof(PortalRole.MedicalAdmin)}")]
[Route("agreements/{id:guid}")]
public sealed class AgreementActionsController(PortalDbContext db, AgreementWorkflow workflow) : PortalController
{
    public const string ConflictMessage = "该协议刚刚被其他人修改过，您的操作没有保存。请查看最新内容后再操作。";

    [HttpPost("items/{itemId:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, Guid itemId, uint version) =>
        ActAsync(id, version, (a, by) => a.ApproveItem(by, itemId), "已同意该服务项目。");

    [HttpPost("items/{itemId:guid}/reject")]
    public Task<IActionResult> Reject(Guid id, Guid itemId, uint version, string? reason) =>
        ActAsync(id, version, (a, by) => a.RejectItem(by, itemId, Required(reason, "请填写不同意的理由。")), "已不同意该服务项目。");

    [HttpPost("items/{itemId:guid}/propose")]
    public Task<IActionResult> Propose(Guid id, Guid itemId, uint version, int? frequency, decimal? price, string? reason) =>
        ActAsync(id, version, (a, by) => a.ProposeChange(
            by, itemId, frequency, price is { } p ? Money.FromYuan(p) : null, Required(reason, "请填写修改建议的理由。")), "已提出修改建议。");

    [HttpPost("items/{itemId:guid}/accept-proposal")]
    public Task<IActionResult> AcceptProposal(Guid id, Guid itemId, uint version) =>
        ActAsync(id, version, (a, by) => a.AcceptProposal(by, itemId), "已接受对方的修改建议。");

    [HttpPost("accept")]
    public Task<IActionResult> Accept(Guid id, uint version) =>
        ActAsync(id, version, (a, by) => a.Accept(by), "审核通过，等待双方签署。");

    [HttpPost("return")]
    public Task<IActionResult> Return(Guid id, uint version, string? reason) =>
        ActAsync(id, version, (a, by) => a.ReturnForRevision(by, Required(reason, "请填写退回理由。")), "已退回修改。");

    [HttpPost("submit")]
    public Task<IActionResult> Submit(Guid id, uint version) =>
        ActAsync(id, version, (a, by) => a.Submit(by), "已提交医疗机构审核。");

    /// <summary>Typed name and title, own login; the SHA-256 of the exact text signed is recorded (issue 4).</summary>
    [HttpPost("sign")]
    public async Task<IActionResult> Sign(Guid id, uint version, string? signerName, string? signerTitle)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var text = await workflow.TextForSignatureAsync(agreement);
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return await CompleteAsync(agreement, version, (a, by) => a.Sign(
            by, Required(signerName, "请填写签署人姓名。"), Required(signerTitle, "请填写签署人职务。"), ip, text.Sha256), "已签署。");
    }

    [HttpPost("terminate")]
    public Task<IActionResult> Terminate(Guid id, uint version, string? reason, DateOnly? terminatedOn) =>
        ActAsync(id, version, (a, by) => a.Terminate(
            by, Required(reason, "请填写终止理由。"), terminatedOn ?? throw new DomainException("请填写终止日期。")), "协议已终止，已通知对方和监管部门。");

    [HttpPost("renew")]
    public Task<IActionResult> Renew(Guid id) => DeriveAsync(id, (a, by, number) => a.CreateRenewal(by, number), "已创建续签草稿");

    [HttpPost("supplement")]
    public Task<IActionResult> Supplement(Guid id) => DeriveAsync(id, (a, by, number) => a.CreateSupplement(by, number), "已创建补充协议草稿");

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(message) : text.Trim();

    private async Task<IActionResult> ActAsync(Guid id, uint version, Action<Agreement, AgreementActor> change, string done) =>
        await workflow.FindAsync(id, Me) is { } agreement ? await CompleteAsync(agreement, version, change, done) : NotFound();

    private async Task<IActionResult> CompleteAsync(Agreement agreement, uint version, Action<Agreement, AgreementActor> change, string done)
    {
        try
        {
            change(agreement, workflow.Actor(Me));
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
            return Redirect($"~/agreements/{agreement.Id}");
        }

        var outcome = await workflow.SaveAsync(agreement, version);
        TempData[outcome == SaveOutcome.Saved ? "Flash" : "Error"] = outcome == SaveOutcome.Saved ? done : ConflictMessage;
        return Redirect($"~/agreements/{agreement.Id}");
    }

    private async Task<IActionResult> DeriveAsync(Guid id, Func<Agreement, AgreementActor, string, Agreement> derive, string done)
    {
        if (await workflow.FindAsync(id, Me) is not { } parent) { return NotFound(); }
        Agreement draft;
        try
        {
            var county = await db.ElderCareInstitutions.Where(i => i.Id == parent.ElderCareInstitutionId)
                .Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => c.DivisionCode).SingleAsync();
            draft = derive(parent, workflow.Actor(Me), await DocumentNumbers.NextAsync(db, county, workflow.Now));
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
            return Redirect($"~/agreements/{id}");
        }

        db.Agreements.Add(draft);
        if (await workflow.SaveAsync(draft, null) == SaveOutcome.Conflict)
        {
            TempData["Error"] = ConflictMessage;
            return Redirect($"~/agreements/{id}");
        }

        TempData["Flash"] = $"{done} {draft.DocumentNumber}。";
        return Redirect($"~/agreements/{draft.Id}/edit");
    }
}
