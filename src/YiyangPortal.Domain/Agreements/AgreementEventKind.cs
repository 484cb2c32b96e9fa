namespace YiyangPortal.Domain.Agreements;

/// <summary>What happened in an <see cref="AgreementEvent"/>.</summary>
public enum AgreementEventKind
{
    Created = 1,
    TermsEdited = 2,
    ItemAdded = 3,
    ItemEdited = 4,
    ItemRemoved = 5,
    Submitted = 6,
    ItemApproved = 7,
    ItemRejected = 8,
    ItemChangeProposed = 9,
    ProposalAccepted = 10,
    Accepted = 11,
    ReturnedForRevision = 12,
    Signed = 13,
    BecameEffective = 14,
    Terminated = 15,
    Expired = 16,
    TerminationProposed = 17,
    TerminationConfirmed = 18,
    TerminationDeclined = 19,
    TerminationWithdrawn = 20,
}
