using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>Base for signed-in pages: the current user from the cookie, never from the URL.</summary>
public abstract class PortalController : Controller
{
    protected CurrentUser Me =>
        CurrentUser.From(User) ?? throw new InvalidOperationException("An [Authorize] action ran without a portal user.");
}
