using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using YiyangPortal.Documents;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.FulfilmentReports;

/// <summary>
/// 履约情况报告 (issue 15, ADR 040): one agreement year of an agreement as a PDF, for its two parties and the regulators
/// who may see it (<see cref="AgreementAccess.VisibleTo"/>: their county, once it came into force). Agreements the user
/// may not see, years the agreement does not have and agreements never in force are not found.
/// </summary>
[Authorize(Policy = PortalPolicies.FulfilmentReaders)]
[Route("agreements/{id:guid}/fulfilment/report")]
public sealed class FulfilmentReportController(
    AgreementWorkflow agreements, FulfilmentReportQuery query, AgreementPdfRenderer renderer) : PortalController
{
    /// <param name="year">The agreement year, 1 for the term's first; the latest that has begun when left out.</param>
    /// <param name="inline">Shown in the browser's viewer instead of downloaded.</param>
    [HttpGet("")]
    public async Task<IActionResult> Download(Guid id, int? year, bool inline = false)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (await query.ForAsync(agreement, year, HttpContext.RequestAborted) is not { } report) { return NotFound(); }

        var pdf = renderer.RenderFulfilmentReport(FulfilmentReportPdf.Model(report));
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(FulfilmentReportPdf.FileName(report));
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "private, no-store";
        if (inline)
        {
            // The browser's PDF viewer needs a policy without object-src 'none' (SecurityHeadersMiddleware).
            HttpContext.Items[SecurityHeadersMiddleware.AllowSameOriginFrame] = true;
        }

        return File(pdf, "application/pdf");
    }
}
