using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace YiyangPortal.Web.Features.Errors;

/// <summary>Chinese error pages for status codes and unhandled exceptions (never a stack trace).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too, including a failed antiforgery check
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Status", Response.StatusCode);
    }
}
