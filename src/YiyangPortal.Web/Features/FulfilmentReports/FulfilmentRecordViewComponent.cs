using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.FulfilmentReports;

/// <summary>A 履约情况报告 to link to: whose it is, its year and headline 履约率.</summary>
public sealed record ReportLink(Guid AgreementId, string DocumentNumber, FulfilmentYear Figures);

/// <summary>
/// What the agreement page shows of the 履约 record (ADR 040): the agreement's own latest report, with the 续签 hint
/// when renewal is offered, and, on a renewal (续签草稿 and after), its predecessor's latest report — so both parties
/// decide on renewal knowing the record. Only for the report's readers (the parties and the regulators).
/// </summary>
public sealed record FulfilmentRecord(ReportLink? Own, ReportLink? Predecessor, bool RenewalOffered);

/// <summary>The 履约记录 card on the agreement page (one line in Detail.cshtml).</summary>
public sealed class FulfilmentRecordViewComponent(
    AgreementWorkflow agreements, FulfilmentReportQuery query, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, PortalPolicies.FulfilmentReaders)).Succeeded
            || CurrentUser.From(UserClaimsPrincipal) is not { } me)
        {
            return Content(string.Empty);
        }

        var cancel = HttpContext.RequestAborted;
        var own = await LinkAsync(agreement, cancel);
        var predecessor = agreement.RenewalOfId is { } previous && await agreements.FindAsync(previous, me) is { } original
            ? await LinkAsync(original, cancel)
            : null;
        if (own is null && predecessor is null)
        {
            return Content(string.Empty);
        }

        var renewalOffered = (await authorization.AuthorizeAsync(UserClaimsPrincipal, agreement, new AgreementRequirement(AgreementAction.Renew))).Succeeded;
        return View("~/Features/FulfilmentReports/_FulfilmentRecord.cshtml", new FulfilmentRecord(own, predecessor, renewalOffered));
    }

    private async Task<ReportLink?> LinkAsync(Agreement agreement, CancellationToken cancel) =>
        await query.HeadlineAsync(agreement, cancel) is { } figures ? new ReportLink(agreement.Id, agreement.DocumentNumber, figures) : null;
}
