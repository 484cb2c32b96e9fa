using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// Who acts on an agreement, for which side, and when. The caller builds it from the signed-in user's role
/// binding and its clock; the aggregate checks the side's entitlement and records the act in the history.
/// </summary>
public readonly record struct AgreementActor
{
    public AgreementActor(AgreementParty party, Guid userId, DateTimeOffset atUtc)
    {
        if (!Enum.IsDefined(party))
        {
            throw new DomainException("未知的协议当事方。");
        }

        if (userId == Guid.Empty)
        {
            throw new DomainException("缺少操作人。");
        }

        Party = party;
        UserId = userId;
        AtUtc = UtcTimestamp.Normalize(atUtc);
    }

    public AgreementParty Party { get; }

    public Guid UserId { get; }

    /// <summary>UTC, microsecond precision.</summary>
    public DateTimeOffset AtUtc { get; }

    /// <summary>Refuses <c>default(AgreementActor)</c>, which bypasses the constructor's checks.</summary>
    internal void EnsureKnown()
    {
        if (!Enum.IsDefined(Party) || UserId == Guid.Empty)
        {
            throw new DomainException("缺少操作人或当事方。");
        }
    }

    public static AgreementActor ElderCare(Guid userId, DateTimeOffset atUtc) => new(AgreementParty.ElderCare, userId, atUtc);

    public static AgreementActor Medical(Guid userId, DateTimeOffset atUtc) => new(AgreementParty.Medical, userId, atUtc);
}
