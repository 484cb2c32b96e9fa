using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>Who hears about a filing: the users of both parties, and the regulators of its bureau and county.</summary>
public static class FilingRecipients
{
    public static Task<List<Guid>> PartiesAsync(
        PortalDbContext db, Guid elderCareInstitutionId, Guid medicalInstitutionId, CancellationToken cancellationToken) =>
        db.Users.Where(UsersOf(elderCareInstitutionId, medicalInstitutionId)).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The users of one party's institution (a notice addressed to 甲方 or 乙方 only).</summary>
    public static Task<List<Guid>> PartyAsync(PortalDbContext db, AgreementParty party, Guid institutionId, CancellationToken cancellationToken) =>
        db.Users.Where(party == AgreementParty.ElderCare ? UsersOf(institutionId, Guid.Empty) : UsersOf(Guid.Empty, institutionId))
            .Select(u => u.Id).ToListAsync(cancellationToken);

    // The one party-role rule: a home's staff, a clinic's administrators (Guid.Empty matches no institution).
    private static Expression<Func<PortalUser, bool>> UsersOf(Guid elderCareInstitutionId, Guid medicalInstitutionId) =>
        u => (u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == elderCareInstitutionId)
             || (u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == medicalInstitutionId);

    /// <summary>
    /// Every party user of the tenant by institution, in one query: for a sweep that tells the parties of many
    /// agreements (one query per agreement would be 100,000 at national scale).
    /// </summary>
    public static async Task<PartyUsers> AllPartiesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId != null)
                        || (u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId != null))
            .Select(u => new { u.Id, u.Role, u.ElderCareInstitutionId, u.MedicalInstitutionId })
            .ToListAsync(cancellationToken);
        return new PartyUsers(
            users.Where(u => u.Role == PortalRole.ElderCareStaff).ToLookup(u => u.ElderCareInstitutionId!.Value, u => u.Id),
            users.Where(u => u.Role == PortalRole.MedicalAdmin).ToLookup(u => u.MedicalInstitutionId!.Value, u => u.Id));
    }

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

/// <summary>The party users of a tenant by institution (<see cref="FilingRecipients.AllPartiesAsync"/>).</summary>
public sealed class PartyUsers(ILookup<Guid, Guid> elderCare, ILookup<Guid, Guid> medical)
{
    /// <summary>The users of both parties, as <see cref="FilingRecipients.PartiesAsync"/> would find them.</summary>
    public List<Guid> Of(Guid elderCareInstitutionId, Guid medicalInstitutionId) =>
        [.. elderCare[elderCareInstitutionId], .. medical[medicalInstitutionId]];
}
