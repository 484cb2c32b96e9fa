using Microsoft.AspNetCore.Mvc;
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
}
