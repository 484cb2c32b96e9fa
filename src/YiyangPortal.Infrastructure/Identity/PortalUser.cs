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

    public void Assign(RoleAssignment assignment)
    {
        Role = assignment.Role;
        ElderCareInstitutionId = assignment.ElderCareInstitutionId;
        MedicalInstitutionId = assignment.MedicalInstitutionId;
        Bureau = assignment.Bureau;
        CountyId = assignment.CountyId;
    }
}
