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

    private bool MayRecordPayments(AgreementParty party) => party == AgreementParty.ElderCare && MayHaveAnnualFee && ServiceDays() is not null;

    private bool MayConfirmPayments(AgreementParty party) => party == AgreementParty.Medical && MayHaveAnnualFee && ServiceDays() is not null;
}
