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
