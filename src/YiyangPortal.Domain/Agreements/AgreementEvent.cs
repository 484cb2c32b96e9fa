namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// One entry of an agreement's review history: who did what in which review round, the values before and after,
/// and why. Kept for every round, so a regulator or a party can see how the agreed content came about
/// (附件1: a change is proposed in writing with reasons and needs both parties' consent).
/// </summary>
public sealed class AgreementEvent
{
    private AgreementEvent()
    {
    }

    internal AgreementEvent(
        int sequence, int round, DateTimeOffset occurredAtUtc, Guid? actorUserId, AgreementParty? party, AgreementEventKind kind,
        Guid? itemId, string? before, string? after, string? reason)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        Round = round;
        OccurredAtUtc = occurredAtUtc;
        ActorUserId = actorUserId;
        Party = party;
        Kind = kind;
        ItemId = itemId;
        Before = before;
        After = after;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// 1, 2, 3 … in the order the agreement recorded its events (several share one instant when one step records
    /// more than one), the same order as the audit chain's entries.
    /// </summary>
    public int Sequence { get; private set; }

    /// <summary>0 while first drafting; 1 from the first submission, +1 with each resubmission.</summary>
    public int Round { get; private set; }

    public DateTimeOffset OccurredAtUtc { get; private set; }

    /// <summary>Null for what the system records by itself (expiry on the day after the term ends).</summary>
    public Guid? ActorUserId { get; private set; }

    public AgreementParty? Party { get; private set; }

    public AgreementEventKind Kind { get; private set; }

    public Guid? ItemId { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Reason { get; private set; }
}
