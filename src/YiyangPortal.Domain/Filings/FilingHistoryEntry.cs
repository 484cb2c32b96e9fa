using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Domain.Filings;

/// <summary>One step of a filing: who moved it from which status to which, when, and the note or reason given.</summary>
public sealed class FilingHistoryEntry
{
    private FilingHistoryEntry()
    {
    }

    internal FilingHistoryEntry(
        DateTimeOffset occurredAtUtc, Guid actorUserId, AgreementParty? party, FilingStatus from, FilingStatus to,
        string? note)
    {
        Id = Guid.CreateVersion7();
        OccurredAtUtc = occurredAtUtc;
        ActorUserId = actorUserId;
        Party = party;
        FromStatus = from;
        ToStatus = to;
        Note = note;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAtUtc { get; private set; }

    public Guid ActorUserId { get; private set; }

    /// <summary>The side that submitted; null when a regulator acted.</summary>
    public AgreementParty? Party { get; private set; }

    public FilingStatus FromStatus { get; private set; }

    public FilingStatus ToStatus { get; private set; }

    public string? Note { get; private set; }
}
