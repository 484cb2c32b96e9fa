using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// Who may read which agreement, on top of the tenant walls: each party its own institution's agreements (the
/// medical side from the first submission on), regulators the agreements in force or ended that touch their county
/// (city level: the whole city), the tenant admin all of the city. Anything else is "not found".
/// </summary>
public static class AgreementAccess
{
    private static readonly AgreementStatus[] RegulatorStates =
        [AgreementStatus.Effective, AgreementStatus.Expired, AgreementStatus.Terminated];

    public static IQueryable<Agreement> VisibleTo(this IQueryable<Agreement> agreements, PortalDbContext db, CurrentUser me) => me.Role switch
    {
        PortalRole.ElderCareStaff => agreements.Where(a => a.ElderCareInstitutionId == me.ElderCareInstitutionId),
        PortalRole.MedicalAdmin => agreements.Where(a => a.MedicalInstitutionId == me.MedicalInstitutionId && a.Status != AgreementStatus.Draft),
        PortalRole.Regulator when me.CountyId is { } county => agreements.Where(a => RegulatorStates.Contains(a.Status) &&
            (db.ElderCareInstitutions.Any(e => e.Id == a.ElderCareInstitutionId && e.CountyId == county) ||
             db.MedicalInstitutions.Any(m => m.Id == a.MedicalInstitutionId && m.CountyId == county))),
        PortalRole.Regulator => agreements.Where(a => RegulatorStates.Contains(a.Status)),
        PortalRole.TenantAdmin => agreements,
        _ => agreements.Where(_ => false),
    };

}
