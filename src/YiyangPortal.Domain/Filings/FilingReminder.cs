using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Filings;

/// <summary>Which message of the daily sweep a <see cref="FilingReminder"/> records.</summary>
public enum FilingReminderKind
{
    /// <summary>To both parties, from seven days before the due date.</summary>
    WeekBefore = 1,

    /// <summary>To both parties, on the due date.</summary>
    DueDay = 2,

    /// <summary>To the regulator's inbox, once the filing is 逾期.</summary>
    Escalated = 3,
}

/// <summary>
/// The sweep's ledger: one row per filing and kind, unique in the database, so a second sweep (another web
/// instance, a retry after a crash) never sends the same reminder twice.
/// </summary>
public sealed class FilingReminder : ITenantOwned
{
    private FilingReminder()
    {
    }

    public FilingReminder(Guid tenantId, Guid filingId, FilingReminderKind kind, DateOnly sentOn)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        FilingId = filingId;
        Kind = kind;
        SentOn = sentOn;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FilingId { get; private set; }

    public FilingReminderKind Kind { get; private set; }

    /// <summary>The Beijing day the sweep sent it.</summary>
    public DateOnly SentOn { get; private set; }

    /// <summary>
    /// What is due on <paramref name="today"/> for a 待报送 filing: the week-before reminder from seven days ahead
    /// (a sweep missed on the exact day catches up), the due-day reminder on the day, escalation once overdue.
    /// </summary>
    public static FilingReminderKind? DueFor(Filing filing, DateOnly today)
    {
        if (filing.Status != FilingStatus.Pending)
        {
            return null;
        }

        return today > filing.DueDate ? FilingReminderKind.Escalated
            : today == filing.DueDate ? FilingReminderKind.DueDay
            : today >= filing.DueDate.AddDays(-FilingDueDate.ReminderDaysBefore) ? FilingReminderKind.WeekBefore
            : null;
    }
}
