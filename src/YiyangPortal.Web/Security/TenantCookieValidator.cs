using Microsoft.AspNetCore.Authentication.Cookies;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Security;

/// <summary>
/// A sign-in cookie is good only on the URLs of the tenant it was issued for: on another tenant's (or the
/// platform's) URLs the request is treated as anonymous. The cookie itself is kept, so the user's session in
/// their own city survives a stray link.
/// </summary>
public static class TenantCookieValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>();
        var issuedFor = context.Principal?.FindFirst(PortalClaims.Tenant)?.Value;
        if (issuedFor != PortalClaims.TenantValue(tenant.TenantId))
        {
            context.RejectPrincipal();
            return;
        }

        await SessionStamps.ValidateAsync(context);
    }
}
