namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// The side a user acts for. The caller derives it from the user's role binding; the aggregate refuses an
/// action the side is not entitled to (e.g. the elder-care side approving service items).
/// </summary>
public enum AgreementParty
{
    /// <summary>甲方 — 养老服务机构.</summary>
    ElderCare = 1,

    /// <summary>乙方 — 医疗卫生机构.</summary>
    Medical = 2,
}

/// <summary>Chinese names of the parties for messages and documents.</summary>
public static class AgreementPartyLabels
{
    public static string ToChinese(this AgreementParty party) => party switch
    {
        AgreementParty.ElderCare => "甲方（养老机构）",
        AgreementParty.Medical => "乙方（医疗卫生机构）",
        _ => "未知方",
    };

    public static AgreementParty Other(this AgreementParty party) =>
        party == AgreementParty.ElderCare ? AgreementParty.Medical : AgreementParty.ElderCare;
}
