using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Filings;

/// <summary>Which bureaus must be informed of an agreement that has just taken effect, or has just been terminated.</summary>
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

    /// <summary>
    /// 2020 guide 六(二) with 六(四): a terminated agreement's 终止备案 goes to each bureau that received its 签约备案
    /// (same bureau and county), due one month after the termination took effect, as a signing filing is.
    /// </summary>
    public static IReadOnlyList<Filing> ForTerminatedAgreement(
        Agreement agreement, IEnumerable<Filing> existing, HolidayCalendar? calendar = null)
    {
        if (agreement.Status != AgreementStatus.Terminated
            || agreement.Events.LastOrDefault(e => e.Kind == AgreementEventKind.Terminated) is not { } terminated)
        {
            throw new DomainException("只有已终止的协议需要终止备案。");
        }

        var filings = existing.Where(f => f.AgreementId == agreement.Id).ToList();
        return filings.Where(f => f.Kind == FilingKind.Signing)
            .Where(f => !filings.Exists(t => t.Kind == FilingKind.Termination && t.Bureau == f.Bureau && t.CountyId == f.CountyId))
            .Select(f => new Filing(agreement.TenantId, agreement.Id, f.Bureau, f.CountyId, terminated.OccurredAtUtc, calendar, FilingKind.Termination))
            .ToList();
    }
}
