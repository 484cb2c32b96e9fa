using System.Text.Json.Nodes;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// One entry of an agreement's append-only audit trail. Each entry's <see cref="Hash"/> covers its content and the
/// previous entry's hash, so editing, deleting or reordering any stored entry breaks the chain
/// (<see cref="AuditChain.Verify"/>). Entries are only ever inserted, never updated. New entries are keyed
/// (<see cref="KeyId"/>, HMAC-SHA256, scheme v2); entries without a key id are of the older plain SHA-256 scheme.
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
        string details, string previousHash, AuditKey? key)
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
        KeyId = key?.Id;
        Hash = AuditHash.Compute(this, key);
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

    /// <summary>The <see cref="AuditKey"/> the hash was made with; null for the unkeyed scheme v1.</summary>
    public string? KeyId { get; private set; }

    /// <summary>
    /// Lower-case hex of <see cref="AuditHash.CanonicalText"/>: HMAC-SHA256 under the key <see cref="KeyId"/>
    /// names, or plain SHA-256 for entries of scheme v1.
    /// </summary>
    public string Hash { get; private set; }

    /// <summary>
    /// The next entry of the stream after <paramref name="previous"/> (null for the first entry of a new stream), of
    /// the unkeyed scheme v1: only to reproduce entries written before keys existed. The application keys its entries.
    /// </summary>
    public static AuditEntry Append(
        AuditEntry? previous, Guid tenantId, Guid agreementId, DateTimeOffset occurredAtUtc, Guid? actorUserId,
        string action, JsonObject details) =>
        Append(previous, tenantId, agreementId, occurredAtUtc, actorUserId, action, details, null);

    /// <summary>
    /// The next entry of the stream after <paramref name="previous"/> (null for the first entry of a new stream),
    /// keyed with <paramref name="key"/> (null: the unkeyed scheme v1).
    /// </summary>
    public static AuditEntry Append(
        AuditEntry? previous, Guid tenantId, Guid agreementId, DateTimeOffset occurredAtUtc, Guid? actorUserId,
        string action, JsonObject details, AuditKey? key)
    {
        if (tenantId == Guid.Empty || agreementId == Guid.Empty)
        {
            throw new DomainException("审计记录缺少租户或协议。");
        }

        if (previous is not null && (previous.TenantId != tenantId || previous.AgreementId != agreementId))
        {
            throw new DomainException("审计记录必须接在同一协议的上一条记录之后。");
        }

        if (previous?.KeyId is not null && key is null)
        {
            throw new DomainException("密钥保护的审计链不能接续未加密钥的记录。");
        }

        return new AuditEntry(
            tenantId, agreementId, (previous?.Sequence ?? 0) + 1, UtcTimestamp.Normalize(occurredAtUtc), actorUserId,
            RequireActionCode(action), CanonicalJson.Serialize(details), previous?.Hash ?? GenesisHash, key);
    }

    private static string RequireActionCode(string action) =>
        !string.IsNullOrEmpty(action) && action.Length <= 64
            && action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')
            ? action
            : throw new DomainException("审计操作代码格式不正确。");
}
