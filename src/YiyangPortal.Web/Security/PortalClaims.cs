using System.Globalization;
using System.Security.Claims;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Web.Security;

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    /// <summary>The tenant id the cookie was issued for, or <see cref="NoTenant"/> for platform users.</summary>
    public const string Tenant = "yiyang:tenant";
    public const string NoTenant = "platform";
    public const string DisplayName = "yiyang:name";
    public const string ElderCareInstitution = "yiyang:eldercare";
    public const string MedicalInstitution = "yiyang:medical";
    public const string Bureau = "yiyang:bureau";
    public const string County = "yiyang:county";

    /// <summary>When the user signed in (Unix seconds): the absolute session lifetime counts from here.</summary>
    public const string SignedInAt = "yiyang:signed-in-at";

    public static string TenantValue(Guid? tenantId) =>
        tenantId?.ToString("D", CultureInfo.InvariantCulture) ?? NoTenant;
}

/// <summary>The signed-in user as the pages need it, read from the cookie's claims.</summary>
public sealed record CurrentUser(
    Guid Id,
    string DisplayName,
    PortalRole Role,
    Guid? ElderCareInstitutionId,
    Guid? MedicalInstitutionId,
    Bureau? Bureau,
    Guid? CountyId)
{
    /// <summary>The side of an agreement the user acts for, or null for readers (regulators, admins).</summary>
    public AgreementParty? Party => Role switch
    {
        PortalRole.ElderCareStaff => AgreementParty.ElderCare,
        PortalRole.MedicalAdmin => AgreementParty.Medical,
        _ => null,
    };

    /// <summary>
    /// The side the user acts for on <paramref name="agreement"/>: only for an agreement of the user's own institution
    /// (the one scope check for a party; which agreements a user reaches at all is <c>AgreementAccess</c>).
    /// </summary>
    public AgreementParty? SideOf(Agreement agreement) => Party switch
    {
        AgreementParty.ElderCare when ElderCareInstitutionId == agreement.ElderCareInstitutionId => AgreementParty.ElderCare,
        AgreementParty.Medical when MedicalInstitutionId == agreement.MedicalInstitutionId => AgreementParty.Medical,
        _ => null,
    };

    /// <summary>The role with its binding as the domain checks it (e.g. a regulator's bureau and county), or null.</summary>
    public RoleAssignment? Assignment
    {
        get
        {
            try
            {
                return RoleAssignment.Restore(Role, ElderCareInstitutionId, MedicalInstitutionId, Bureau, CountyId);
            }
            catch (Domain.Common.DomainException)
            {
                return null;
            }
        }
    }

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true ||
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ||
            !Enum.TryParse<PortalRole>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new CurrentUser(
            id,
            principal.FindFirstValue(PortalClaims.DisplayName) ?? string.Empty,
            role,
            ParseGuid(principal, PortalClaims.ElderCareInstitution),
            ParseGuid(principal, PortalClaims.MedicalInstitution),
            Enum.TryParse<Bureau>(principal.FindFirstValue(PortalClaims.Bureau), out var bureau) ? bureau : null,
            ParseGuid(principal, PortalClaims.County));
    }

    private static Guid? ParseGuid(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var value) ? value : null;
}
