using Microsoft.AspNetCore.Identity;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Belongs to one tenant (null only for platform admins) and holds one role with its
/// binding; the binding is validated by <see cref="RoleAssignment"/> in the domain.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public PortalUser()
    {
        Id = Guid.CreateVersion7();
    }

    public Guid? TenantId { get; private set; }

    public string DisplayName { get; set; } = string.Empty;

    public PortalRole Role { get; private set; }

    public Guid? ElderCareInstitutionId { get; private set; }

    public Guid? MedicalInstitutionId { get; private set; }

    public Bureau? Bureau { get; private set; }

    public Guid? CountyId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; } = DateTimeOffset.UtcNow;

    public RoleAssignment Assignment =>
        RoleAssignment.Restore(Role, ElderCareInstitutionId, MedicalInstitutionId, Bureau, CountyId);

    public static PortalUser Create(Guid? tenantId, string email, string displayName, RoleAssignment assignment)
    {
        if (assignment.RequiresTenant != tenantId.HasValue)
        {
            throw new ArgumentException(
                "Platform admins have no tenant; every other role has one.", nameof(tenantId));
        }

        var user = new PortalUser
        {
            TenantId = tenantId,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            LockoutEnabled = true,
        };
        user.Assign(assignment);
        return user;
    }

    /// <summary>
    /// Gives the user a role and its binding. A change of an existing user's role or binding gives them a new security
    /// stamp too, so the sessions they have end at once (issue 12): their cookies still name the old role.
    /// </summary>
    public void Assign(RoleAssignment assignment)
    {
        if (SecurityStamp is not null && Assignment != assignment)
        {
            SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        }

        Role = assignment.Role;
        ElderCareInstitutionId = assignment.ElderCareInstitutionId;
        MedicalInstitutionId = assignment.MedicalInstitutionId;
        Bureau = assignment.Bureau;
        CountyId = assignment.CountyId;
    }
}
