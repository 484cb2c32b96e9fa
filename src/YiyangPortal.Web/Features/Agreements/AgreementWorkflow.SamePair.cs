using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// ADR 052: the agreements a term is checked against. For now the 续签 chain only — the original this agreement renews
/// and the renewals of this one — so that a renewal never runs alongside its original. Unrelated agreements of the same
/// pair are not yet passed: the tests' shared parties (福乐养老院 and 塔山) sign many overlapping agreements (left open in
/// ADR 052).
/// </summary>
public sealed partial class AgreementWorkflow
{
    /// <summary>The agreement <paramref name="agreement"/> renews and those renewing it (same pair), read only.</summary>
    public async Task<IReadOnlyList<Agreement>> SamePairAsync(Agreement agreement) =>
        await db.Agreements.AsNoTracking()
            .Where(a => a.Id != agreement.Id && a.SupplementToId == null
                && a.ElderCareInstitutionId == agreement.ElderCareInstitutionId && a.MedicalInstitutionId == agreement.MedicalInstitutionId
                && (a.Id == agreement.RenewalOfId || a.RenewalOfId == agreement.Id))
            .ToListAsync();
}
