namespace YiyangPortal.Domain.Coverage;

/// <summary>The targets the seeds set, as a tenant starts with them (issue 11 point 7).</summary>
public static class PolicyTargets
{
    /// <summary>
    /// 绍市民〔2024〕6号 一: 到2024年5月底前，全市备案养老机构与医疗卫生机构完成签约结对工作; 二.1: 已备案养老机构应与不少于1家
    /// 医疗卫生机构（至少含1家基层医疗卫生机构）签订服务协议. One target: every 备案 养老机构, with a 基层 partner.
    /// </summary>
    public static IReadOnlyList<(CoverageMeasure Measure, int Percent, DateOnly Deadline, string Source)> Shaoxing { get; } =
    [
        (CoverageMeasure.NursingHomesSignedWithPrimary, 100, new DateOnly(2024, 5, 31), "绍市民〔2024〕6号 一、二.1"),
    ];

    /// <summary>
    /// 温州 指导意见 一: 2018年底，实现80%的养老机构能为入住老年人提供医疗卫生服务，30%的社区居家养老服务机构与医疗卫生机构签约合作;
    /// 到2020年底，所有的养老服务机构为入住老年人提供医疗卫生服务，居家养老服务机构与医疗卫生机构签约合作率达到90%以上.
    /// </summary>
    public static IReadOnlyList<(CoverageMeasure Measure, int Percent, DateOnly Deadline, string Source)> Wenzhou { get; } =
    [
        (CoverageMeasure.NursingHomesProvidingMedical, 80, new DateOnly(2018, 12, 31), "温州市推进养老服务机构与医疗卫生机构合作的指导意见 一"),
        (CoverageMeasure.CommunityOrgsSigned, 30, new DateOnly(2018, 12, 31), "温州市推进养老服务机构与医疗卫生机构合作的指导意见 一"),
        (CoverageMeasure.NursingHomesProvidingMedical, 100, new DateOnly(2020, 12, 31), "温州市推进养老服务机构与医疗卫生机构合作的指导意见 一"),
        (CoverageMeasure.CommunityOrgsSigned, 90, new DateOnly(2020, 12, 31), "温州市推进养老服务机构与医疗卫生机构合作的指导意见 一"),
    ];
}
