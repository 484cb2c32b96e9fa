using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using YiyangPortal.Infrastructure.Identity;

namespace YiyangPortal.Web.Security;

/// <summary>Puts the tenant, the role and the role's binding into the cookie, so no page re-reads the user row.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var assignment = user.Assignment;
        identity.AddClaim(new Claim(PortalClaims.Tenant, PortalClaims.TenantValue(user.TenantId)));
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, assignment.Role.ToString()));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        Add(identity, PortalClaims.ElderCareInstitution, assignment.ElderCareInstitutionId);
        Add(identity, PortalClaims.MedicalInstitution, assignment.MedicalInstitutionId);
        Add(identity, PortalClaims.County, assignment.CountyId);
        if (assignment.Bureau is { } bureau)
        {
            identity.AddClaim(new Claim(PortalClaims.Bureau, bureau.ToString()));
        }

        return identity;
    }

    private static void Add(ClaimsIdentity identity, string type, Guid? value)
    {
        if (value is { } id)
        {
            identity.AddClaim(new Claim(type, id.ToString("D", CultureInfo.InvariantCulture)));
        }
    }
}
