using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Web.Localization;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>Switches the interface language (中文 / English) for this browser.</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpPost("culture")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (Array.Exists(PortalCultures.Supported, c => c.Name == culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/"));
    }
}
