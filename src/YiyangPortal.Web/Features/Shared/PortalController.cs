using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>Base for signed-in pages: the current user from the cookie, never from the URL.</summary>
public abstract class PortalController : Controller
{
    protected CurrentUser Me =>
        CurrentUser.From(User) ?? throw new InvalidOperationException("An [Authorize] action ran without a portal user.");

    /// <summary>The tenant of the URL (the cookie validator has already checked the user belongs to it).</summary>
    protected Guid TenantId =>
        HttpContext.GetTenant()?.Id ?? throw new InvalidOperationException("A tenant page ran without a tenant.");

    /// <summary>The texts of the visitor's language, as the views' <c>L["…"]</c> (the Chinese text is the key).</summary>
    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The message shown once on the next page (the layout's flash).</summary>
    protected void Flash(LocalizedString message) => TempData["Flash"] = message.Value;

    /// <summary>The error shown once on the next agreement page.</summary>
    protected void FlashError(LocalizedString message) => TempData["Error"] = message.Value;

    /// <summary>A domain refusal, already in the user's language (<see cref="DomainMessages"/>).</summary>
    protected void FlashError(string localizedMessage) => TempData["Error"] = localizedMessage;
}
