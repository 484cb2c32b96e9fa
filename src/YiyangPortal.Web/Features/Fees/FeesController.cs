using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>
/// 费用 (issue 15) of one agreement: the home records each payment of a 年度健康服务费 instalment (附件1: 上、下半年各一次),
/// the clinic confirms its receipt or disputes it with a reason. Who may do what is the aggregate's answer
/// (<see cref="AgreementAction.RecordPayment"/>, <see cref="AgreementAction.ConfirmPayment"/>) through the
/// resource-based handler (ADR 027); agreements the user may not see are not found.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementParties)]
[Route("agreements/{id:guid}/fees")]
public sealed class FeesController(
    PortalDbContext db, AgreementWorkflow agreements, FeesWorkflow workflow, IAuthorizationService authorization) : PortalController
{
    private const string PageView = "~/Features/Fees/Index.cshtml";

    public const string ConflictMessage = "该付款记录刚刚被其他人处理过，您的操作没有保存。请查看最新内容。";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        var page = await PageAsync(agreement, new FeePaymentForm());
        if (page.Payable.FirstOrDefault() is { } next)
        {
            // The form starts at the next instalment to pay, with its amount (as a 补充协议 may have changed it).
            page.Form.Instalment = next.Instalment.Key;
            page.Form.Amount = next.Instalment.Amount.Yuan.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }

        return View(PageView, page);
    }

    [HttpPost("payments")]
    public async Task<IActionResult> Pay(Guid id, FeePaymentForm form)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement, AgreementAction.RecordPayment)) { return StatusCode(StatusCodes.Status403Forbidden); }

        if (form.Unreadable() is { Count: > 0 } unreadable)
        {
            return await RefusedAsync(agreement, form, unreadable);
        }

        var outcome = await workflow.RecordAsync(agreement, form.ToEntry(), agreements.Actor(Me), HttpContext.RequestAborted);
        if (!outcome.Saved)
        {
            return await RefusedAsync(agreement, form, outcome.Problems, outcome.Conflict);
        }

        Flash(L["已登记付款，等待医疗机构确认收款。"]);
        return Redirect($"~/agreements/{id}/fees#payments");
    }

    [HttpPost("payments/{paymentId:guid}/confirm")]
    public Task<IActionResult> Confirm(Guid id, Guid paymentId) => AnswerAsync(id, paymentId, null);

    [HttpPost("payments/{paymentId:guid}/dispute")]
    public Task<IActionResult> Dispute(Guid id, Guid paymentId, string? reason) => AnswerAsync(id, paymentId, reason ?? string.Empty);

    private async Task<IActionResult> AnswerAsync(Guid id, Guid paymentId, string? reason)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (!await MayAsync(agreement, AgreementAction.ConfirmPayment)) { return StatusCode(StatusCodes.Status403Forbidden); }

        var outcome = await workflow.AnswerAsync(agreement, paymentId, agreements.Actor(Me), reason, HttpContext.RequestAborted);
        if (!outcome.Saved)
        {
            var problems = outcome.Problems.Select(p => p with { Field = p.Field == "Reason" ? $"reason-{paymentId}" : string.Empty }).ToList();
            return await RefusedAsync(agreement, new FeePaymentForm(), problems, outcome.Conflict);
        }

        Flash(reason is null ? L["已确认收款，已记入合作费用备查账。"] : L["已提出异议，等待养老机构重新登记。"]);
        return Redirect($"~/agreements/{id}/fees#payments");
    }

    private async Task<bool> MayAsync(Agreement agreement, AgreementAction action) =>
        (await authorization.AuthorizeAsync(User, agreement, new AgreementRequirement(action))).Succeeded;

    /// <summary>The page again with each message next to its field and everything typed kept (422).</summary>
    private async Task<IActionResult> RefusedAsync(Agreement agreement, FeePaymentForm form, IReadOnlyList<FieldError> problems, bool conflict = false)
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
        return View(PageView, await PageAsync(fresh, form));
    }

    private async Task<FeesPage> PageAsync(Agreement agreement, FeePaymentForm form)
    {
        var today = BeijingTime.Today(agreements.Now);
        var payments = await workflow.PaymentsAsync(agreement.Id, HttpContext.RequestAborted);
        var replaced = payments.Where(p => p.CorrectsPaymentId is not null).Select(p => p.CorrectsPaymentId!.Value).ToHashSet();
        var plan = await workflow.PlanAsync(agreement, HttpContext.RequestAborted);
        var lines = plan.Instalments.Select(i =>
        {
            var standing = FeeInstalments.StandingFor(i, payments);
            return new InstalmentLine(i, standing, i.IsOverdueOn(today, standing));
        }).ToList();
        var names = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name)
            .Concat(db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name)).ToListAsync();
        return new FeesPage(
            agreement, names.ElementAtOrDefault(0) ?? string.Empty, names.ElementAtOrDefault(1) ?? string.Empty, lines, plan.Waived,
            payments.OrderByDescending(p => p.RecordedAtUtc).ToList(), replaced, today,
            await MayAsync(agreement, AgreementAction.RecordPayment), await MayAsync(agreement, AgreementAction.ConfirmPayment), form)
        {
            CooperationItems = await workflow.CooperationItemsAsync(agreement, today, HttpContext.RequestAborted),
        };
    }
}
