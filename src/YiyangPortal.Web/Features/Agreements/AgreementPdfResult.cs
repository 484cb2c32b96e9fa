using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// An agreement PDF as a response: shown in the browser's own viewer (预览) or downloaded, with its SHA-256 as ETag.
/// </summary>
public static class AgreementPdfResult
{
    public static IActionResult Inline(ControllerBase controller, byte[] bytes, string documentNumber) =>
        Serve(controller, bytes, documentNumber, inline: true);

    public static IActionResult Download(ControllerBase controller, byte[] bytes, string documentNumber) =>
        Serve(controller, bytes, documentNumber, inline: false);

    private static FileContentResult Serve(ControllerBase controller, byte[] bytes, string documentNumber, bool inline)
    {
        var response = controller.Response;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName($"{documentNumber}.pdf");
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.ETag = "\"" + AgreementDocument.HashOf(bytes) + "\"";
        if (inline)
        {
            // The browser's PDF viewer needs a policy without object-src 'none' (SecurityHeadersMiddleware).
            controller.HttpContext.Items[SecurityHeadersMiddleware.AllowSameOriginFrame] = true;
        }

        return controller.File(bytes, "application/pdf");
    }
}
