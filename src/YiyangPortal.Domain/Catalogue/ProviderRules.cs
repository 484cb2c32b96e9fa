using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Catalogue;

/// <summary>Which medical institution may offer which service item, and under which funding.</summary>
public static class ProviderRules
{
    public static Eligibility Assess(ServiceItem item, MedicalInstitution provider)
    {
        var refusals = new List<DomainMessage>();
        var warnings = new List<DomainMessage>();
        var requirement = item.Requirement;

        if (requirement.HasFlag(ProviderRequirement.TcmQualification) && !provider.HasTcmQualification)
        {
            // 2020 guide 三(五): 有中医药服务资质和能力的医疗卫生机构 provide 中医药服务.
            refusals.Add(new DomainMessage("“{0}”属于中医药服务，需具备中医药服务资质。", item.Name));
        }

        if (requirement.HasFlag(ProviderRequirement.PrimaryLevel) && !provider.IsPrimaryLevel)
        {
            // 2020 guide 三(一)、(二): 签约基层医疗卫生机构 provide basic public health and 家庭医生签约服务.
            refusals.Add(new DomainMessage("“{0}”由基层医疗卫生机构提供。", item.Name));
        }

        if (requirement.HasFlag(ProviderRequirement.RecommendedPrimaryLevel) && !provider.IsPrimaryLevel)
        {
            // 2020 guide 三(八) 医疗卫生机构可……设立家庭病床; 绍兴附件2 二.5 recommends 基层 — a warning, not a refusal.
            warnings.Add(new DomainMessage("“{0}”建议由基层医疗卫生机构提供（绍兴附件2 二.5）。", item.Name));
        }

        if (requirement.HasFlag(ProviderRequirement.RecommendedLevel2OrAbove) && provider.Grade < HospitalGrade.Level2)
        {
            // 2020 guide 三(九): 特别是二级及以上医疗卫生机构 — recommended, not required.
            warnings.Add(new DomainMessage("“{0}”建议由二级及以上医疗卫生机构提供。", item.Name));
        }

        return refusals.Count == 0 && warnings.Count == 0 ? Eligibility.Allowed : new Eligibility(refusals, warnings);
    }

    /// <summary>Funding a provider may offer an item under (2020 guide 五(一)(二)).</summary>
    public static string? FundingRefusal(Funding funding, MedicalInstitution provider) => funding switch
    {
        // 2020 guide 五(二): 基本公共卫生 funds are paid to the contracted 基层医疗卫生机构.
        Funding.BasicPublicHealth when !provider.IsPrimaryLevel => "只有基层医疗卫生机构提供的服务可由基本公共卫生经费支付。",

        // 2020 guide 五(一): 如为医保定点机构的按照医疗保险规定支付.
        Funding.MedicalInsurance when !provider.IsMedicalInsuranceDesignated => "本机构不是医保定点机构，不能按医保支付。",
        _ => null,
    };
}
