namespace YiyangPortal.Domain.Agreements;

/// <summary>The life of an agreement. Changed only through <see cref="Agreement"/> methods.</summary>
public enum AgreementStatus
{
    /// <summary>草稿 — the elder-care side is drafting.</summary>
    Draft = 1,

    /// <summary>待医疗机构审核 — the medical side reviews each service item.</summary>
    PendingMedicalReview = 2,

    /// <summary>退回修改 — back with the elder-care side, with reasons.</summary>
    ReturnedForRevision = 3,

    /// <summary>待签署 — content agreed; both parties must sign.</summary>
    PendingSignature = 4,

    /// <summary>部分签署 — one party has signed.</summary>
    PartiallySigned = 5,

    /// <summary>已生效 — both signed; immutable from here on.</summary>
    Effective = 6,

    /// <summary>已到期 — the validity period has ended.</summary>
    Expired = 7,

    /// <summary>已终止 — ended early by a party.</summary>
    Terminated = 8,
}

/// <summary>Chinese names of <see cref="AgreementStatus"/>.</summary>
public static class AgreementStatusLabels
{
    /// <summary>Both parties signed, but the agreed term starts later: signed, not yet in force.</summary>
    public const string SignedNotYetInForce = "已签署·待生效";

    /// <summary>
    /// The status as a reader should see it on <paramref name="today"/> (Beijing): an agreement signed before its
    /// term starts is 已签署·待生效 until the first day of the term, everywhere it is shown.
    /// </summary>
    public static string ToChinese(this AgreementStatus status, DateOnly? termStart, DateOnly today) =>
        status == AgreementStatus.Effective && termStart > today ? SignedNotYetInForce : status.ToChinese();

    public static string ToChinese(this AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "草稿",
        AgreementStatus.PendingMedicalReview => "待医疗机构审核",
        AgreementStatus.ReturnedForRevision => "退回修改",
        AgreementStatus.PendingSignature => "待签署",
        AgreementStatus.PartiallySigned => "部分签署",
        AgreementStatus.Effective => "已生效",
        AgreementStatus.Expired => "已到期",
        AgreementStatus.Terminated => "已终止",
        _ => "未知状态",
    };
}
