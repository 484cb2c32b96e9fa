using System.Text.Json.Nodes;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// One entry of an agreement's append-only audit trail. Each entry's <see cref="Hash"/> covers its content and the
/// previous entry's hash, so editing, deleting or reordering any stored entry breaks the chain
/// (<see cref="AuditChain.Verify"/>). Entries are only ever inserted, never updated.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    /// <summary>The "previous hash" of the first entry of every stream.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private AuditEntry()
    {
        Action = string.Empty;
        Details = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    private AuditEntry(
        Guid tenantId, Guid agreementId, long sequence, DateTimeOffset occurredAtUtc, Guid? actorUserId, string action,
        string details, string previousHash)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        AgreementId = agreementId;
        Sequence = sequence;
        OccurredAtUtc = occurredAtUtc;
        ActorUserId = actorUserId;
        Action = action;
        Details = details;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The stream: one chain per agreement.</summary>
    public Guid AgreementId { get; private set; }

    /// <summary>1, 2, 3 … within the stream, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>UTC, truncated to microseconds so it reads back from <c>timestamptz</c> unchanged.</summary>
    public DateTimeOffset OccurredAtUtc { get; private set; }

    /// <summary>Null when the system acted by itself (e.g. the expiry sweep).</summary>
    public Guid? ActorUserId { get; private set; }

    /// <summary>A code such as <c>agreement.submitted</c>.</summary>
    public string Action { get; private set; }

    /// <summary>Canonical JSON (<see cref="CanonicalJson"/>).</summary>
    public string Details { get; private set; }

    public string PreviousHash { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="AuditHash.CanonicalText"/>.</summary>
    public string Hash { get; private set; }

    /// <summary>
    /// The next entry of the stream after <paramref name="previous"/> (null for the first entry of a new stream).
    /// </summary>
    public static AuditEntry Append(
        AuditEntry? previous, Guid tenantId, Guid agreementId, DateTimeOffset occurredAtUtc, Guid? actorUserId,
        string action, JsonObject details)
    {
        if (tenantId == Guid.Empty || agreementId == Guid.Empty)
        {
            throw new DomainException("审计记录缺少租户或协议。");
        }

        if (previous is not null && (previous.TenantId != tenantId || previous.AgreementId != agreementId))
        {
            throw new DomainException("审计记录必须接在同一协议的上一条记录之后。");
        }

        return new AuditEntry(
            tenantId, agreementId, (previous?.Sequence ?? 0) + 1, UtcTimestamp.Normalize(occurredAtUtc), actorUserId,
            RequireActionCode(action), CanonicalJson.Serialize(details), previous?.Hash ?? GenesisHash);
    }

    private static string RequireActionCode(string action) =>
        !string.IsNullOrEmpty(action) && action.Length <= 64
            && action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')
            ? action
            : throw new DomainException("审计操作代码格式不正确。");
}
