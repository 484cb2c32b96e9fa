using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What an agreement costs a year, per payer. The amounts are never added across payers: 附件1 says
/// 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的范围以外支付, and 2020 guide 五(一), (三) put medical costs under
/// insurance rules (the elder pays the personal share), basic public-health services with the health bureau, and only
/// the negotiated 合作经费 with the elder-care institution.
/// </summary>
/// <param name="AnnualHealthServiceFee">附件1 年度健康服务费, paid by 甲方; null for 附件2, whose template has none.</param>
/// <param name="CooperationFeeItems">Estimate of the priced 合作经费 items, paid by 甲方 (Shaoxing 二.3: 超出部分由养老机构根据协议承担).</param>
/// <param name="SelfPaidItems">Estimate of the 自费 items, paid by the residents as they use them.</param>
/// <param name="MedicalInsuranceItems">Estimate of the 医保 items, settled under insurance rules.</param>
/// <param name="BasicPublicHealthItemCount">基本公共卫生 items: free for eligible elders, funded by the health bureau.</param>
public sealed record FeeTotalsByPayer(
    Money? AnnualHealthServiceFee,
    Money CooperationFeeItems,
    Money SelfPaidItems,
    Money MedicalInsuranceItems,
    int BasicPublicHealthItemCount)
{
    /// <summary>What 甲方 (the elder-care institution) pays a year: the 合作经费 — annual fee plus 合作经费 items.</summary>
    public Money ElderCareInstitutionPays => (AnnualHealthServiceFee ?? Money.Zero) + CooperationFeeItems;

    /// <summary>Totals of the included items, with the annual fee only where the template has one (附件1).</summary>
    public static FeeTotalsByPayer Of(AgreementTemplate template, AgreementTerms terms, IEnumerable<AgreementItem> items)
    {
        var list = items.ToList();
        return new FeeTotalsByPayer(
            template == AgreementTemplate.MedicalElderCareConsortium ? terms.AnnualHealthServiceFee : null,
            Sum(list, Funding.CooperationFee),
            Sum(list, Funding.SelfPaid),
            Sum(list, Funding.MedicalInsurance),
            list.Count(i => i.Funding == Funding.BasicPublicHealth));
    }

    private static Money Sum(IEnumerable<AgreementItem> items, Funding funding) =>
        items.Where(i => i.Funding == funding).Select(i => i.YearlyEstimate).OfType<Money>()
            .Aggregate(Money.Zero, (sum, m) => sum + m);
}
