namespace YiyangPortal.Domain.Filings;

/// <summary>
/// The stored status of a filing. 逾期 (overdue) is not stored: it is derived on a Beijing date from
/// <see cref="Filing.DueDate"/> (see <see cref="Filing.IsOverdue"/>), so it can never go stale between sweeps.
/// </summary>
public enum FilingStatus
{
    /// <summary>待报送 — the parties have not yet informed the bureau.</summary>
    Pending = 1,

    /// <summary>已报送 — waiting for the bureau.</summary>
    Submitted = 2,

    /// <summary>已受理 — the bureau has taken note; final.</summary>
    Accepted = 3,

    /// <summary>退回补正 — the bureau asks for corrections, with a reason.</summary>
    Returned = 4,
}

/// <summary>Chinese names of <see cref="FilingStatus"/> and of the derived 逾期.</summary>
public static class FilingStatusLabels
{
    public const string Overdue = "逾期";

    public static string ToChinese(this FilingStatus status) => status switch
    {
        FilingStatus.Pending => "待报送",
        FilingStatus.Submitted => "已报送",
        FilingStatus.Accepted => "已受理",
        FilingStatus.Returned => "退回补正",
        _ => "未知状态",
    };
}
