using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>Who hears about a filing: the users of both parties, and the regulators of its bureau and county.</summary>
public static class FilingRecipients
{
    public static Task<List<Guid>> PartiesAsync(
        PortalDbContext db, Guid elderCareInstitutionId, Guid medicalInstitutionId, CancellationToken cancellationToken) =>
        db.Users.Where(u => (u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == elderCareInstitutionId)
                            || (u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == medicalInstitutionId))
            .Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The users of both parties of an agreement, in one query.</summary>
    public static Task<List<Guid>> PartiesOfAsync(PortalDbContext db, Guid agreementId, CancellationToken cancellationToken)
    {
        var agreement = db.Agreements.Where(a => a.Id == agreementId);
        return db.Users
            .Where(u => (u.Role == PortalRole.ElderCareStaff && agreement.Any(a => a.ElderCareInstitutionId == u.ElderCareInstitutionId))
                        || (u.Role == PortalRole.MedicalAdmin && agreement.Any(a => a.MedicalInstitutionId == u.MedicalInstitutionId)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }

    public static Task<List<Guid>> RegulatorsAsync(PortalDbContext db, Filing filing, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Role == PortalRole.Regulator && u.Bureau == filing.Bureau && u.CountyId == filing.CountyId)
            .Select(u => u.Id).ToListAsync(cancellationToken);
}
