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

    /// <summary>
    /// ADR 049: the text the other party reviews and both sign names the bureaus as the register names them when the
    /// draft is submitted — a name the city's administrator corrected since the draft was last saved (or since the
    /// renewal or supplement copied its original's terms) is taken here, and recorded in the draft's history as any
    /// change of terms is. Once submitted, the names stay as they are: nobody's text changes under them.
    /// </summary>
    public async Task TakeRegisteredBureausAsync(Agreement agreement, AgreementActor by)
    {
        if (!agreement.IsEditable || by.Party != AgreementParty.ElderCare)
        {
            return;
        }

        var (elderCareCounty, medicalCounty) = await CountiesAsync(agreement);
        agreement.UpdateTerms(by, agreement.Terms.WithBureaus(elderCareCounty, medicalCounty));
    }
}
