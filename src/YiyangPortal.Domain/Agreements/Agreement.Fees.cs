using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Agreements;

/// <summary>费用 (issue 15): the 年度健康服务费 of 附件1, paid by 甲方 in two instalments and confirmed by 乙方.</summary>
public sealed partial class Agreement
{
    /// <summary>
    /// This version's own terms state a 年度健康服务费 above zero (附件1; 附件2 has none, <see cref="FeeTotalsByPayer"/>).
    /// An original's instalments follow its 补充协议 too (<see cref="FeeInstalments.Of"/>, ADR 045).
    /// </summary>
    public bool HasAnnualFee =>
        Template == AgreementTemplate.MedicalElderCareConsortium && Terms.AnnualHealthServiceFee is { Yuan: > 0 };

    /// <summary>
    /// An original of 附件1, whose terms or whose 补充协议 may set a 年度健康服务费 (ADR 045): which fee is owed for which
    /// half is <see cref="FeeInstalments.Of"/>'s answer, which needs the supplements; the permissions only need this.
    /// </summary>
    public bool MayHaveAnnualFee => Template == AgreementTemplate.MedicalElderCareConsortium && !IsSupplement;

    /// <summary>
    /// 合作经费 service items (priced, <see cref="Funding.CooperationFee"/>): 甲方 pays them for the services given
    /// (绍市民〔2024〕6号 二.3: 超出部分由养老机构根据协议承担费用); the signed text's 费用汇总 states their yearly estimate
    /// (<see cref="FeeTotalsByPayer"/>). The fees page shows them beside any 年度健康服务费.
    /// </summary>
    public static bool IsCooperationFeeItem(AgreementItem item) =>
        item.Funding == Funding.CooperationFee && item.UnitPrice is { } price && price > Money.Zero;

    /// <summary>
    /// Whether this original, in force or once, agrees 合作经费 items: the parties then have fees to read on its page (a
    /// 补充协议's items are read on its original's, as its instalments are).
    /// </summary>
    public bool HasCooperationFeeItems => !IsSupplement && IncludedItems.Any(IsCooperationFeeItem) && ServiceDays() is not null;

    private bool MayRecordPayments(AgreementParty party) => party == AgreementParty.ElderCare && MayHaveAnnualFee && ServiceDays() is not null;

    private bool MayConfirmPayments(AgreementParty party) => party == AgreementParty.Medical && MayHaveAnnualFee && ServiceDays() is not null;
}
