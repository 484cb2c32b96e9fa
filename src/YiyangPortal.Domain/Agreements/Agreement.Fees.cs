using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Agreements;

/// <summary>费用 (issue 15): the 年度健康服务费 of 附件1, paid by 甲方 in two instalments and confirmed by 乙方.</summary>
public sealed partial class Agreement
{
    /// <summary>附件1 with a 年度健康服务费 above zero; 附件2 has none (<see cref="FeeTotalsByPayer"/>).</summary>
    public bool HasAnnualFee =>
        Template == AgreementTemplate.MedicalElderCareConsortium && Terms.AnnualHealthServiceFee is { Yuan: > 0 };

    /// <summary>The instalments of this agreement (<see cref="FeeInstalments.Of"/>).</summary>
    public IReadOnlyList<FeeInstalment> Instalments() => FeeInstalments.Of(this);

    private bool MayRecordPayments(AgreementParty party) => party == AgreementParty.ElderCare && HasAnnualFee && ServiceDays() is not null;

    private bool MayConfirmPayments(AgreementParty party) => party == AgreementParty.Medical && HasAnnualFee && ServiceDays() is not null;
}
