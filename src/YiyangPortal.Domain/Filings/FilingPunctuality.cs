namespace YiyangPortal.Domain.Filings;

/// <summary>
/// 按时备案率: of the filings whose month has run out or that were submitted, the share first submitted by the due
/// date (2020 guide 六(四): 签订协议后一个月内告知). Filings still inside their month and not yet submitted are not
/// counted: they cannot be late yet.
/// </summary>
public static class FilingPunctuality
{
    /// <param name="onTime">First submitted on or before the due date (Beijing).</param>
    /// <param name="submitted">First submitted at all (on time or late).</param>
    /// <param name="overdue">Never submitted and overdue today (<see cref="FilingTurn.IsOverdue"/>).</param>
    public static double? Rate(int onTime, int submitted, int overdue) =>
        submitted + overdue == 0 ? null : (double)onTime / (submitted + overdue);
}
