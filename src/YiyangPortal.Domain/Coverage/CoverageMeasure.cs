namespace YiyangPortal.Domain.Coverage;

/// <summary>What a coverage target counts. Each comes from a seed; the tenant chooses which apply to it.</summary>
public enum CoverageMeasure
{
    /// <summary>
    /// 备案 养老机构 signed with at least one medical institution, at least one of them 基层 (绍市民〔2024〕6号 一, 二.1:
    /// 已备案养老机构应与不少于1家医疗卫生机构（至少含1家基层医疗卫生机构）签订服务协议).
    /// </summary>
    NursingHomesSignedWithPrimary = 1,

    /// <summary>
    /// 养老机构 able to provide medical services to residents: a 内设医疗机构 or an agreement in force (温州 一:
    /// 养老机构能为入住老年人提供医疗卫生服务).
    /// </summary>
    NursingHomesProvidingMedical = 2,

    /// <summary>社区居家养老服务机构 signed with a medical institution (温州 一).</summary>
    CommunityOrgsSigned = 3,

    /// <summary>日间照料机构 signed with a medical institution (2020 guide 二(一) names them beside 养老机构).</summary>
    DayCareSigned = 4,

    /// <summary>养老机构 signed with any medical institution (2020 guide 一: 签约合作服务).</summary>
    NursingHomesSigned = 5,
}

/// <summary>Chinese names of the measures, as the dashboard and the targets form show them.</summary>
public static class CoverageMeasureLabels
{
    public static string ToChinese(this CoverageMeasure measure) => measure switch
    {
        CoverageMeasure.NursingHomesSignedWithPrimary => "备案养老机构签约（至少含 1 家基层医疗卫生机构）",
        CoverageMeasure.NursingHomesProvidingMedical => "养老机构能提供医疗卫生服务（内设医疗机构或协议在有效期内）",
        CoverageMeasure.CommunityOrgsSigned => "社区居家养老服务机构签约",
        CoverageMeasure.DayCareSigned => "日间照料机构签约",
        CoverageMeasure.NursingHomesSigned => "养老机构签约",
        _ => "未知指标",
    };
}
