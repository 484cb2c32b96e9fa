using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>用印 rights: who may apply an institution's seal (issue 14). One place for granting and asking.</summary>
public static class SealRights
{
    /// <summary>The institution a user acts for, or null for users who belong to none (regulators, admins).</summary>
    public static (AgreementParty Party, Guid InstitutionId)? InstitutionOf(PortalRole role, Guid? elderCareId, Guid? medicalId) => role switch
    {
        PortalRole.ElderCareStaff when elderCareId is { } e => (AgreementParty.ElderCare, e),
        PortalRole.MedicalAdmin when medicalId is { } m => (AgreementParty.Medical, m),
        _ => null,
    };

    public static Task<bool> HoldsAsync(PortalDbContext db, Guid userId, AgreementParty party, Guid institutionId) =>
        db.SealHolders.AnyAsync(h => h.UserId == userId && h.Party == party && h.InstitutionId == institutionId);

    /// <summary>
    /// The institution's first account becomes its seal keeper: granted (and saved) when nobody of the institution
    /// holds the right yet, so every institution has someone who can authorise the others.
    /// </summary>
    public static async Task GrantFirstAsync(PortalDbContext db, PortalUser user, Guid grantedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (InstitutionOf(user.Role, user.ElderCareInstitutionId, user.MedicalInstitutionId) is { } institution
            && !await db.SealHolders.AnyAsync(h => h.Party == institution.Party && h.InstitutionId == institution.InstitutionId))
        {
            await GrantAsync(db, user, grantedBy, at);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Grants the right to <paramref name="user"/> for its own institution (nothing for users of no institution, or
    /// who hold it already). Added to the unit of work; the caller saves.
    /// </summary>
    public static async Task GrantAsync(PortalDbContext db, PortalUser user, Guid? grantedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (InstitutionOf(user.Role, user.ElderCareInstitutionId, user.MedicalInstitutionId) is not { } institution
            || user.TenantId is not { } tenantId
            || await HoldsAsync(db, user.Id, institution.Party, institution.InstitutionId)
            || db.SealHolders.Local.Any(h => h.UserId == user.Id))
        {
            return;
        }

        db.SealHolders.Add(new SealHolder(tenantId, institution.Party, institution.InstitutionId, user.Id, grantedBy, at));
    }
}
