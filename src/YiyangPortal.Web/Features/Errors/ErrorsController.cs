using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace YiyangPortal.Web.Features.Errors;

/// <summary>Chinese error pages for status codes and unhandled exceptions (never a stack trace).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too, including a failed antiforgery check
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>
    /// Re-executed with the failed request's method and body: nothing here binds from the form, so a body that could
    /// not be read (too large, malformed) cannot make the error page fail too.
    /// </summary>
    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 500;
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Status", Response.StatusCode);
    }
}
