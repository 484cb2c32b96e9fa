namespace YiyangPortal.Domain.Coverage;

/// <summary>
/// Elder-care institutions of one county (or a sum of counties) counted for the policy targets. "Signed" means at
/// least one agreement in force (已生效).
/// </summary>
/// <param name="NursingHomes">备案 养老机构.</param>
/// <param name="NursingHomesSigned">养老机构 with an agreement in force.</param>
/// <param name="NursingHomesWithPrimary">养老机构 with an agreement in force with a 基层医疗卫生机构 (Shaoxing 二.1).</param>
/// <param name="NursingHomesProvidingMedical">
/// 养老机构 able to provide medical services: a 内设医疗机构 or an agreement in force (Wenzhou 一).</param>
/// <param name="LargeWithoutInternalMedical">养老机构 with 50+ residents and no 内设医疗机构 (Shaoxing 二.2).</param>
/// <param name="CommunityOrgs">社区居家养老服务机构.</param>
/// <param name="CommunityOrgsSigned">社区居家养老服务机构 with an agreement in force.</param>
/// <param name="DayCare">日间照料机构 (2020 guide 二(一): 日间照料机构应当依法办理登记).</param>
/// <param name="DayCareSigned">日间照料机构 with an agreement in force.</param>
public sealed record CoverageCounts(
    int NursingHomes, int NursingHomesSigned, int NursingHomesWithPrimary, int NursingHomesProvidingMedical,
    int LargeWithoutInternalMedical, int CommunityOrgs, int CommunityOrgsSigned, int DayCare, int DayCareSigned)
{
    public static CoverageCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static CoverageCounts operator +(CoverageCounts a, CoverageCounts b) => new(
        a.NursingHomes + b.NursingHomes, a.NursingHomesSigned + b.NursingHomesSigned,
        a.NursingHomesWithPrimary + b.NursingHomesWithPrimary, a.NursingHomesProvidingMedical + b.NursingHomesProvidingMedical,
        a.LargeWithoutInternalMedical + b.LargeWithoutInternalMedical, a.CommunityOrgs + b.CommunityOrgs,
        a.CommunityOrgsSigned + b.CommunityOrgsSigned, a.DayCare + b.DayCare, a.DayCareSigned + b.DayCareSigned);

    /// <summary>The part and the whole a measure's rate is made of.</summary>
    public (int Part, int Whole) Fraction(CoverageMeasure measure) => measure switch
    {
        CoverageMeasure.NursingHomesSignedWithPrimary => (NursingHomesWithPrimary, NursingHomes),
        CoverageMeasure.NursingHomesProvidingMedical => (NursingHomesProvidingMedical, NursingHomes),
        CoverageMeasure.CommunityOrgsSigned => (CommunityOrgsSigned, CommunityOrgs),
        CoverageMeasure.DayCareSigned => (DayCareSigned, DayCare),
        CoverageMeasure.NursingHomesSigned => (NursingHomesSigned, NursingHomes),
        _ => (0, 0),
    };

    /// <summary>The measure's rate, or null when there is nothing to count.</summary>
    public double? Rate(CoverageMeasure measure)
    {
        var (part, whole) = Fraction(measure);
        return whole == 0 ? null : (double)part / whole;
    }
}
