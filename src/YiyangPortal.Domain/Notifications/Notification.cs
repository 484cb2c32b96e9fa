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

/// <summary>
/// One message in a user's in-app inbox (issue 4: submitted, returned, proposal, signed, expiring, terminated). The
/// title is kept as its template and arguments (ADR 046), so each reader sees it in their own language, and as the
/// Chinese text (<see cref="Title"/>, clipped to <see cref="TitleMaxLength"/>) for mail, logs and rows written before
/// templates were kept.
/// </summary>
public sealed class Notification : ITenantOwned
{
    private Notification()
    {
        Title = string.Empty;
        Link = string.Empty;
    }

    public Notification(Guid tenantId, Guid userId, NotificationKind kind, DomainMessage title, string link, DateTimeOffset createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(title);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserId = userId;
        Kind = kind;
        Title = Clip(title.ToString());
        TitleTemplate = title.Template;
        TitleArguments = NotificationTitle.Serialize(title.Arguments);
        Link = link;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The column's length: a longer title is cut (the template and arguments are kept whole).</summary>
    public const int TitleMaxLength = 200;

    /// <summary>The title in Chinese, as written (mail, logs; the only text of a row from before ADR 046).</summary>
    public string Title { get; private set; }

    /// <summary>The Chinese template (the localization key), or null for a row written before ADR 046.</summary>
    public string? TitleTemplate { get; private set; }

    /// <summary>The template's arguments as JSON (values, dates, nested labels and lists; see <see cref="NotificationTitle"/>).</summary>
    public string? TitleArguments { get; private set; }

    /// <summary>The title as a message to translate, or null for an old row (show <see cref="Title"/> as stored).</summary>
    public DomainMessage? TitleText =>
        TitleTemplate is null ? null : new DomainMessage(TitleTemplate, [.. NotificationTitle.Deserialize(TitleArguments)]);

    /// <summary>A rendered title cut to the column's length, as the Chinese one is.</summary>
    public static string Clip(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Length <= TitleMaxLength ? title : title[..TitleMaxLength];
    }

    /// <summary>Path inside the tenant, e.g. <c>/agreements/{id}</c>.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    public DateTimeOffset? ReadAtUtc { get; private set; }

    public void MarkRead(DateTimeOffset atUtc) => ReadAtUtc ??= atUtc;
}
