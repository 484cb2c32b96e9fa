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

    /// <summary>已备案 — the bureau acknowledged the notification; final. Filing informs (2020 guide 六(四): 告知;
    /// templates: 报…备案); it is not an approval.</summary>
    Accepted = 3,

    /// <summary>需补正 — the bureau asks for a correction, with a reason and a correction deadline.</summary>
    Returned = 4,
}

/// <summary>Chinese names of <see cref="FilingStatus"/> and of the derived 逾期.</summary>
public static class FilingStatusLabels
{
    public const string Overdue = "逾期";

    /// <summary>"截止 2026-10-08（含当日）": a deadline includes its last day (民法典 第二百零三条).</summary>
    public static string Deadline(DateOnly day) => $"截止 {day:yyyy-MM-dd}（含当日）";

    public static string ToChinese(this FilingStatus status) => status switch
    {
        FilingStatus.Pending => "待报送",
        FilingStatus.Submitted => "已报送",
        FilingStatus.Accepted => "已备案",
        FilingStatus.Returned => "需补正",
        _ => "未知状态",
    };
}
