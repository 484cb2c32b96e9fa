namespace YiyangPortal.Domain.Catalogue;

/// <summary>Who may provide a service item, derived from the 2020 guide 三 and the Shaoxing templates.</summary>
[Flags]
public enum ProviderRequirement
{
    None = 0,

    /// <summary>中医药服务 needs the 中医药 qualification (2020 guide 三(五): 有中医药服务资质和能力的医疗卫生机构).</summary>
    TcmQualification = 1,

    /// <summary>家庭病床 by 基层医疗卫生机构 (绍兴附件2 二.5: 基层医疗卫生机构为甲方……提供家庭病床服务).</summary>
    PrimaryLevel = 2,

    /// <summary>急诊急救绿色通道 especially from 二级 up (2020 guide 三(九)) — a recommendation, so only a warning.</summary>
    RecommendedLevel2OrAbove = 4,
}
