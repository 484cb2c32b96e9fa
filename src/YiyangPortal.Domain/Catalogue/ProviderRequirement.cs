namespace YiyangPortal.Domain.Catalogue;

/// <summary>Who may provide a service item, derived from the 2020 guide 三 and the Shaoxing templates.</summary>
[Flags]
public enum ProviderRequirement
{
    None = 0,

    /// <summary>中医药服务 needs the 中医药 qualification (2020 guide 三(五): 有中医药服务资质和能力的医疗卫生机构).</summary>
    TcmQualification = 1,

    /// <summary>
    /// Only 基层医疗卫生机构: 基本公共卫生 items (2020 guide 三(一): 签约基层医疗卫生机构……提供) and 家庭医生签约.
    /// </summary>
    PrimaryLevel = 2,

    /// <summary>急诊急救绿色通道 especially from 二级 up (2020 guide 三(九)) — a recommendation, so only a warning.</summary>
    RecommendedLevel2OrAbove = 4,

    /// <summary>
    /// 家庭病床 preferably by 基层 — a recommendation, so only a warning: 2020 guide 三(八) says 医疗卫生机构可…设立家庭病床
    /// (any medical institution may), 绍兴附件2 二.5 names 基层, and the 2023 guide 二(一)1 names 二级及以下医院.
    /// </summary>
    RecommendedPrimaryLevel = 8,
}
