using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>
/// What every URL of a 停用 city shows (ADR 054, <see cref="TenantResolutionMiddleware"/>): the portal of this city is
/// closed, by the platform, and whom to ask. 503: the city may come back (启用).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a sign-in form posted to a closed city lands here too
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class CityClosedController : Controller
{
    [Route(TenantResolutionMiddleware.ClosedCityPath)]
    public IActionResult Show()
    {
        if (HttpContext.Items[TenantResolutionMiddleware.ClosedCityKey] is not TenantInfo city)
        {
            return NotFound(); // only reached through a closed city's URL
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return View("~/Features/Platform/CityClosed.cshtml", city.Name);
    }
}
