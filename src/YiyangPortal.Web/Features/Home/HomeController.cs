using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Home;

/// <summary>The root of a tenant sends users to their role's home; the platform root lists the cities.</summary>
[AllowAnonymous]
public sealed class HomeController(TenantCatalog catalog) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (CurrentUser.From(User) is { } me)
        {
            return Redirect(Url.Content(Navigation.HomeOf(me.Role)));
        }

        if (HttpContext.GetTenant() is not null)
        {
            return Redirect(Url.Content("~/login"));
        }

        var tenants = await catalog.GetAllAsync(HttpContext.RequestAborted);
        return View(tenants.Values.ToList());
    }
}
