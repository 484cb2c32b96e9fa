using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Notifications;

/// <summary>What happened, for the in-app inbox and the e-mail subject.</summary>
public enum NotificationKind
{
    Submitted = 1,
    Returned = 2,
    Proposal = 3,
    Accepted = 4,
    Signed = 5,
    Effective = 6,
    Expiring = 7,
    Terminated = 8,
    FilingDue = 9,
    FilingOverdue = 10,
    FilingReviewed = 11,

    /// <summary>A party (re)submitted a filing: its county bureau has something to review.</summary>
    FilingSubmitted = 12,

    /// <summary>A party proposed to terminate, or answered such a proposal (2020 guide 六(二)).</summary>
    Termination = 13,

    /// <summary>履约: what the plan asks of this month (issue 15, monthly reminder to both parties).</summary>
    FulfilmentDue = 20,

    /// <summary>履约: a period that ended last month closed short of its agreed count on confirmed deliveries.</summary>
    FulfilmentMissed = 21,

    /// <summary>督查: a county bureau sent a notice to a party, or the party answered it (issue 15).</summary>
    Supervision = 22,
}

/// <summary>One message in a user's in-app inbox (issue 4: submitted, returned, proposal, signed, expiring, terminated).</summary>
public sealed class Notification : ITenantOwned
{
    private Notification()
    {
        Title = string.Empty;
        Link = string.Empty;
    }

    public Notification(Guid tenantId, Guid userId, NotificationKind kind, string title, string link, DateTimeOffset createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserId = userId;
        Kind = kind;
        Title = title;
        Link = link;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Path inside the tenant, e.g. <c>/agreements/{id}</c>.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    public DateTimeOffset? ReadAtUtc { get; private set; }

    public void MarkRead(DateTimeOffset atUtc) => ReadAtUtc ??= atUtc;
}
