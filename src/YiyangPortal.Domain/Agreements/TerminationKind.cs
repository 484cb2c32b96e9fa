namespace YiyangPortal.Domain.Agreements;

/// <summary>How a termination was proposed (2020 guide 六(二)).</summary>
public enum TerminationKind
{
    /// <summary>协商一致: takes effect only once the other party confirms in writing.</summary>
    Mutual = 1,

    /// <summary>单方通知: one party gives notice with a reason; in effect when the other confirms, or after the notice period.</summary>
    Notice = 2,
}

/// <summary>Chinese names of <see cref="TerminationKind"/>.</summary>
public static class TerminationKindLabels
{
    public static string ToChinese(this TerminationKind kind) => kind switch
    {
        TerminationKind.Mutual => "协商一致终止",
        TerminationKind.Notice => "单方通知终止",
        _ => "未知终止方式",
    };
}

/// <summary>
/// A termination one party proposed and that has not taken effect yet: the agreement stays 已生效 meanwhile.
/// </summary>
/// <param name="NoticeEndsOn">单方通知: the day it takes effect without the other party's confirmation.</param>
/// <param name="ConfirmedOn">The Beijing day the other party confirmed, if it did.</param>
public sealed record PendingTermination(
    TerminationKind Kind, AgreementParty ProposedBy, DateTimeOffset ProposedAtUtc, DateOnly ProposedOn, string Reason,
    DateOnly? NoticeEndsOn, DateOnly? ConfirmedOn)
{
    /// <summary>The party whose answer is awaited.</summary>
    public AgreementParty OtherParty => ProposedBy.Other();

    public bool IsConfirmed => ConfirmedOn is not null;

    /// <summary>
    /// The day the termination takes effect, if known: once confirmed, the proposed day or the confirmation day if
    /// later (never back-dated); unconfirmed notice, the end of the notice period; unconfirmed mutual, not yet known.
    /// </summary>
    public DateOnly? TakesEffectOn => ConfirmedOn is { } confirmed
        ? (confirmed > ProposedOn ? confirmed : ProposedOn)
        : Kind == TerminationKind.Notice ? NoticeEndsOn : null;
}
