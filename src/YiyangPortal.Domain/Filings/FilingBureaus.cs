using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Domain.Filings;

/// <summary>A bureau that can receive an agreement's filing: its kind, its county and its official name.</summary>
public sealed record FilingBureau(Bureau Kind, Guid CountyId, string Name);

/// <summary>
/// The registry of bureaus an agreement may be filed with. 2020 guide 六(四): within one month of signing, inform
/// 当地县级卫生健康行政部门和民政部门; the templates' 一式四份: one copy each for 甲方, 乙方, XXX民政局 and XXX卫生健康委（局）.
/// So an agreement is filed with exactly two bureaus, the ones its PDF names: the 民政局 of the elder-care
/// institution's county (it supervises the home) and one 卫生健康局 — by default that same county's, or, for a pair
/// in two counties, the medical institution's county's if the parties choose it. Names come from the county register
/// (<see cref="County.CivilAffairsBureauName"/>, <see cref="County.HealthBureauName"/>), never typed.
/// </summary>
public static class FilingBureaus
{
    public const string NotAChoice = "请从列表中选择接收备案的卫生健康局（甲方或乙方所在区县）。";

    /// <summary>The health bureaus the parties may choose from, the elder-care county's first.</summary>
    public static IReadOnlyList<FilingBureau> HealthChoices(County elderCareCounty, County medicalCounty) =>
        elderCareCounty.Id == medicalCounty.Id
            ? [Health(elderCareCounty)]
            : [Health(elderCareCounty), Health(medicalCounty)];

    public static FilingBureau CivilAffairs(County county) => new(Bureau.CivilAffairs, county.Id, county.CivilAffairsBureauName);

    public static FilingBureau Health(County county) => new(Bureau.Health, county.Id, county.HealthBureauName);

    /// <summary>
    /// The two bureaus an agreement is filed with, given the health bureau's county the terms chose (none chosen: the
    /// elder-care institution's county). A county that is neither party's is refused.
    /// </summary>
    public static (FilingBureau CivilAffairs, FilingBureau Health) For(County elderCareCounty, County medicalCounty, Guid? healthCountyId)
    {
        var health = HealthChoices(elderCareCounty, medicalCounty).FirstOrDefault(b => b.CountyId == (healthCountyId ?? elderCareCounty.Id))
            ?? throw new DomainException(NotAChoice);
        return (CivilAffairs(elderCareCounty), health);
    }
}
