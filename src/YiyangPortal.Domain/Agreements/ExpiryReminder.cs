namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// The reminder to renew or stop (2020 guide 六(二): 期满后书面续签或停止合作), sent 30 days before the last day of an
/// effective agreement's term.
/// </summary>
public static class ExpiryReminder
{
    public const int DaysBefore = 30;

    /// <summary>True on exactly one Beijing day: 30 days before the term's last day.</summary>
    public static bool IsDue(Agreement agreement, DateOnly todayInBeijing) =>
        agreement.Status == AgreementStatus.Effective
        && agreement.Terms.Term?.To is { } end
        && todayInBeijing == end.AddDays(-DaysBefore);

    /// <summary>
    /// True from that day until the term ends, for a sweep that missed a day; the caller remembers what it sent.
    /// </summary>
    public static bool IsInWindow(Agreement agreement, DateOnly todayInBeijing) =>
        agreement.Status == AgreementStatus.Effective
        && agreement.Terms.Term?.To is { } end
        && todayInBeijing >= end.AddDays(-DaysBefore)
        && todayInBeijing <= end;
}
