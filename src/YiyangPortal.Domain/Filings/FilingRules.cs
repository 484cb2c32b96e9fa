using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Filings;

/// <summary>Which bureaus must be informed of an agreement that has just taken effect.</summary>
public static class FilingRules
{
    /// <summary>
    /// 2020 guide 六(四) and the templates' 一式四份: exactly the two bureaus the agreement names — the 民政局 of the
    /// elder-care institution's county and the chosen 卫生健康局 (<see cref="FilingBureaus"/>; by default the same
    /// county's) — each due one month after signing. Applies to renewals and supplements alike: each is a signed
    /// agreement. Due dates move past the tenant's holidays (<paramref name="calendar"/>, 民法典 第二百零三条).
    /// </summary>
    public static IReadOnlyList<Filing> ForEffectiveAgreement(
        Agreement agreement, ElderCareInstitution elderCare, MedicalInstitution medical, HolidayCalendar? calendar = null)
    {
        if (agreement.Status != AgreementStatus.Effective || agreement.EffectiveAtUtc is not { } effectiveAt)
        {
            throw new DomainException("只有已生效的协议需要备案。");
        }

        if (agreement.ElderCareInstitutionId != elderCare.Id || agreement.MedicalInstitutionId != medical.Id)
        {
            throw new DomainException("备案机构与协议双方不一致。");
        }

        var healthCounty = agreement.Terms.HealthBureauCountyId ?? elderCare.CountyId;
        if (healthCounty != elderCare.CountyId && healthCounty != medical.CountyId)
        {
            throw new DomainException(FilingBureaus.NotAChoice);
        }

        return
        [
            new(agreement.TenantId, agreement.Id, Bureau.CivilAffairs, elderCare.CountyId, effectiveAt, calendar),
            new(agreement.TenantId, agreement.Id, Bureau.Health, healthCounty, effectiveAt, calendar),
        ];
    }
}
