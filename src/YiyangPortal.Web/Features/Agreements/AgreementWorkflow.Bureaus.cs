using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>The county register's bureaus, as an agreement names them (2020 guide 六(四); ADR 049).</summary>
public sealed partial class AgreementWorkflow
{
    /// <summary>The two parties' counties: the register of bureaus an agreement may be filed with.</summary>
    public async Task<(County ElderCare, County Medical)> CountiesAsync(Agreement agreement)
    {
        var elderCareCounty = await db.ElderCareInstitutions.Where(e => e.Id == agreement.ElderCareInstitutionId).Select(e => e.CountyId).SingleAsync();
        var medicalCounty = await db.MedicalInstitutions.Where(m => m.Id == agreement.MedicalInstitutionId).Select(m => m.CountyId).SingleAsync();
        var counties = await db.Counties.AsNoTracking().Where(c => c.Id == elderCareCounty || c.Id == medicalCounty).ToListAsync();
        return (counties.Single(c => c.Id == elderCareCounty), counties.Single(c => c.Id == medicalCounty));
    }
}
