using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>
/// 签到表 of a service record (ADR 039), uploaded on the grid page (<see cref="ServiceRecordGridController.Upload"/>), read
/// by whoever may read the record: the two parties and the regulators of the agreement's county (<see cref="AgreementAccess"/>).
/// Served as an attachment with the content type sniffed at upload, never the browser's, and nosniff.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementReaders)]
[Route("agreements/{id:guid}/fulfilment/records/{recordId:guid}/sheet")]
public sealed class ServiceRecordSheetController(
    PortalDbContext db, AgreementWorkflow agreements) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Download(Guid id, Guid recordId)
    {
        // The city's administrator manages the tenant; records are the parties' and their regulators' business.
        if (Me.Role == PortalRole.TenantAdmin) { return NotFound(); }
        var sheet = await (from a in agreements.Visible(Me)
                           join s in db.ServiceRecordAttachments on a.Id equals s.AgreementId
                           where a.Id == id && s.ServiceRecordId == recordId
                           select new { s.Content, s.ContentType, s.FileName }).SingleOrDefaultAsync();
        if (sheet is null) { return NotFound(); }

        var safeType = sheet.ContentType is ScannedCopyType.Pdf or ScannedCopyType.Jpeg or ScannedCopyType.Png ? sheet.ContentType : "application/octet-stream";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(sheet.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(sheet.Content, safeType);
    }
}
