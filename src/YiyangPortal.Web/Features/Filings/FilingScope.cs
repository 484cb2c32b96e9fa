using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// The filings a user may see, from the cookie's binding (never the URL): a county regulator its bureau in its
/// county, a city-level regulator its bureau in every county, each party the filings of its own agreements.
/// Tenant isolation is already done by the query filter and row-level security.
/// </summary>
public static class FilingScope
{
    public static IQueryable<Filing> Visible(PortalDbContext db, CurrentUser me) => me.Role switch
    {
        PortalRole.Regulator when me.CountyId is { } county => db.Filings.Where(f => f.Bureau == me.Bureau && f.CountyId == county),
        PortalRole.Regulator => db.Filings.Where(f => f.Bureau == me.Bureau),
        PortalRole.ElderCareStaff => db.Filings.Where(f => db.Agreements.Any(a => a.Id == f.AgreementId && a.ElderCareInstitutionId == me.ElderCareInstitutionId)),
        PortalRole.MedicalAdmin => db.Filings.Where(f => db.Agreements.Any(a => a.Id == f.AgreementId && a.MedicalInstitutionId == me.MedicalInstitutionId)),
        _ => db.Filings.Where(_ => false),
    };

}
