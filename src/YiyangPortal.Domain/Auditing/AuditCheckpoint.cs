using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// The newest position of one agreement's chain, recorded with every append where the application's database role
/// cannot write (it may only call a function that moves a checkpoint forward to the chain's actual head). Deleting
/// the newest entries, or recomputing the chain, then no longer matches the checkpoint; its MAC under the audit key
/// stops anyone without the key from rewriting the checkpoint to fit. Checkpoints the migration recorded for chains
/// written before keys existed carry no key and no MAC.
/// </summary>
public sealed class AuditCheckpoint : ITenantOwned
{
    private AuditCheckpoint()
    {
        HeadHash = string.Empty;
    }

    private AuditCheckpoint(Guid tenantId, Guid agreementId, long sequence, string headHash, string? keyId, string? mac, DateTimeOffset recordedAtUtc)
    {
        TenantId = tenantId;
        AgreementId = agreementId;
        Sequence = sequence;
        HeadHash = headHash;
        KeyId = keyId;
        Mac = mac;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid TenantId { get; private set; }

    /// <summary>The stream; one checkpoint per agreement.</summary>
    public Guid AgreementId { get; private set; }

    public long Sequence { get; private set; }

    public string HeadHash { get; private set; }

    public string? KeyId { get; private set; }

    public string? Mac { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    /// <summary>The checkpoint of a chain whose newest entry is <paramref name="head"/>, sealed with <paramref name="key"/>.</summary>
    public static AuditCheckpoint Of(AuditEntry head, AuditKey key, DateTimeOffset nowUtc) => new(
        head.TenantId, head.AgreementId, head.Sequence, head.Hash, key.Id,
        AuditHash.Mac(key, AuditHash.CheckpointText(head.TenantId, head.AgreementId, head.Sequence, head.Hash, key.Id)),
        UtcTimestamp.Normalize(nowUtc));

    /// <summary>A checkpoint as read back (tests and tools).</summary>
    public static AuditCheckpoint Restore(
        Guid tenantId, Guid agreementId, long sequence, string headHash, string? keyId, string? mac, DateTimeOffset recordedAtUtc) =>
        new(tenantId, agreementId, sequence, headHash, keyId, mac, recordedAtUtc);

    /// <summary>Why this checkpoint cannot be trusted, or null: its MAC matches under the key it names.</summary>
    public string? SealProblem(AuditKeyring keys)
    {
        if (KeyId is null)
        {
            return Mac is null ? null : "检查点格式不正确。";
        }

        if (keys.Find(KeyId) is not { } key)
        {
            return $"审计密钥“{KeyId}”未配置，无法校验检查点。";
        }

        var expected = AuditHash.Mac(key, AuditHash.CheckpointText(TenantId, AgreementId, Sequence, HeadHash, KeyId));
        return AuditHash.SameDigest(expected, Mac) ? null : "检查点与密钥不符：检查点被改动。";
    }
}
