using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// The files of a filing: the executed PDF (attached automatically) and the scanned copies. Served only with the
/// content type sniffed at upload (PDF, JPEG, PNG — never HTML), nosniff, and as attachment except PDFs shown
/// inline on the review page.
/// </summary>
[Authorize(Policy = PortalPolicies.FilingUsers)]
[Route("filings/{id:guid}")]
public sealed class FilingFilesController(PortalDbContext db) : PortalController
{
    [HttpGet("agreement.pdf")]
    public async Task<IActionResult> Agreement(Guid id, bool download = false)
    {
        var document = await (from f in FilingScope.Visible(db, Me)
                              join d in db.AgreementDocuments on f.AgreementId equals d.AgreementId
                              where f.Id == id && d.Kind == AgreementDocumentKind.Executed
                              select new { d.Content, d.Sha256 }).SingleOrDefaultAsync();
        return document is null ? NotFound() : Serve(document.Content, ScannedCopyType.Pdf, $"{document.Sha256[..12]}.pdf", inline: !download);
    }

    [HttpGet("attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId)
    {
        var attachment = await (from f in FilingScope.Visible(db, Me)
                                join a in db.FilingAttachments on f.Id equals a.FilingId
                                where f.Id == id && a.Id == attachmentId
                                select new { a.Content, a.ContentType, a.FileName }).SingleOrDefaultAsync();
        return attachment is null ? NotFound() : Serve(attachment.Content, attachment.ContentType, attachment.FileName, inline: attachment.ContentType == ScannedCopyType.Pdf);
    }

    private FileContentResult Serve(byte[] content, string contentType, string fileName, bool inline)
    {
        // Only the three sniffed types ever leave here; anything else is forced to an opaque download.
        var safeType = contentType is ScannedCopyType.Pdf or ScannedCopyType.Jpeg or ScannedCopyType.Png ? contentType : "application/octet-stream";
        var disposition = new ContentDispositionHeaderValue(inline && safeType == ScannedCopyType.Pdf ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        if (inline)
        {
            // The review page shows the PDF in a frame of this origin (issue 6: review with the PDF inline).
            HttpContext.Items[SecurityHeadersMiddleware.AllowSameOriginFrame] = true;
        }

        return File(content, safeType);
    }
}
