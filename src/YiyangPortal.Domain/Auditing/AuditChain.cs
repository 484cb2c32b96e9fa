namespace YiyangPortal.Domain.Auditing;

/// <summary>The outcome of verifying one stream: intact, or the first sequence number at which it breaks and why.</summary>
public sealed record AuditChainVerification(bool IsIntact, long? FirstBrokenSequence, string? Problem)
{
    public static AuditChainVerification Intact { get; } = new(true, null, null);

    /// <summary>
    /// Intact and its head is held by a keyed checkpoint: neither recomputing nor cutting off entries would go unseen.
    /// False for chains written before keys existed (verified with plain SHA-256 only).
    /// </summary>
    public bool IsKeyed { get; init; }

    public static AuditChainVerification BrokenAt(long sequence, string problem) => new(false, sequence, problem);
}

/// <summary>Checks a stream of audit entries read back in stored order (<c>ORDER BY sequence</c>).</summary>
public static class AuditChain
{
    /// <summary>
    /// Intact when sequences run 1, 2, 3 … without gaps, each entry links to the hash of the one before, every hash
    /// matches the entry's content, and all entries share one tenant and stream. Removing the newest entries
    /// leaves a shorter valid chain: <see cref="Verify(IEnumerable{AuditEntry}, AuditKeyring, AuditCheckpoint?)"/>
    /// compares the head with its checkpoint to detect that. Only unkeyed (v1) entries verify without keys.
    /// </summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEntry> entries) => Links(entries, AuditKeyring.None).Result;

    /// <summary>Links and hashes only, keyed entries by their keys; without the checkpoint, cut-off entries go unseen.</summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEntry> entries, AuditKeyring keys) => Links(entries, keys).Result;

    /// <summary>
    /// The chain with its keys and its head's checkpoint: every link and hash as above (keyed entries by their key),
    /// then the checkpoint — missing while entries exist, further on than the chain (entries cut off), or naming
    /// another head hash (the chain was recomputed) — and the checkpoint's own MAC.
    /// </summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEntry> entries, AuditKeyring keys, AuditCheckpoint? checkpoint)
    {
        var (result, list) = Links(entries, keys);
        if (!result.IsIntact)
        {
            return result;
        }

        var head = list.Count > 0 ? list[^1] : null;
        if (checkpoint is null)
        {
            return head is null ? result : AuditChainVerification.BrokenAt(head.Sequence, "缺少链头检查点：审计链可能被整体替换。");
        }

        if (checkpoint.Sequence > (head?.Sequence ?? 0))
        {
            return AuditChainVerification.BrokenAt(
                (head?.Sequence ?? 0) + 1,
                $"审计链被截断：检查点记录到第 {checkpoint.Sequence} 条，现存 {head?.Sequence ?? 0} 条。");
        }

        if (checkpoint.Sequence < head!.Sequence)
        {
            return AuditChainVerification.BrokenAt(checkpoint.Sequence + 1, $"第 {checkpoint.Sequence + 1} 条起的记录没有检查点：记录不是由本系统写入的。");
        }

        if (!AuditHash.SameDigest(checkpoint.HeadHash, head.Hash))
        {
            return AuditChainVerification.BrokenAt(head.Sequence, "与检查点记录的链头哈希不符：审计链被重新计算。");
        }

        // Only the migration wrote unkeyed checkpoints, for chains older than the key: a keyed chain needs a keyed one.
        if (checkpoint.KeyId is null && list.Exists(e => e.KeyId is not null))
        {
            return AuditChainVerification.BrokenAt(head.Sequence, "检查点未加密钥，而审计链已使用密钥：检查点被替换。");
        }

        if (checkpoint.SealProblem(keys) is { } sealProblem)
        {
            return AuditChainVerification.BrokenAt(head.Sequence, sealProblem);
        }

        return result with { IsKeyed = checkpoint.KeyId is not null };
    }

    private static (AuditChainVerification Result, List<AuditEntry> Entries) Links(IEnumerable<AuditEntry> entries, AuditKeyring keys)
    {
        var list = new List<AuditEntry>();
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            var expected = (previous?.Sequence ?? 0) + 1;
            var problem = Problem(entry, previous, expected, keys);
            if (problem is not null)
            {
                return (AuditChainVerification.BrokenAt(expected, problem), list);
            }

            list.Add(entry);
            previous = entry;
        }

        return (AuditChainVerification.Intact, list);
    }

    private static string? Problem(AuditEntry entry, AuditEntry? previous, long expected, AuditKeyring keys)
    {
        if (entry.Sequence != expected)
        {
            return $"序号应为 {expected}，实际为 {entry.Sequence}：记录缺失或顺序被改动。";
        }

        if (previous is not null && (entry.TenantId != previous.TenantId || entry.AgreementId != previous.AgreementId))
        {
            return "记录不属于同一协议。";
        }

        if (entry.PreviousHash != (previous?.Hash ?? AuditEntry.GenesisHash))
        {
            return "与上一条记录的哈希不衔接。";
        }

        // Once keyed, always keyed: an unkeyed entry after a keyed one is a rewrite that dodged the key.
        if (previous?.KeyId is not null && entry.KeyId is null)
        {
            return "未加密钥的记录出现在加密钥的记录之后：记录被改写。";
        }

        if (entry.KeyId is null)
        {
            return entry.Hash != AuditHash.Compute(entry) ? "记录内容与哈希不符：内容被改动。" : null;
        }

        if (keys.Find(entry.KeyId) is not { } key)
        {
            return $"审计密钥“{entry.KeyId}”未配置，无法校验。";
        }

        return AuditHash.SameDigest(entry.Hash, AuditHash.Compute(entry, key)) ? null : "记录内容与密钥哈希不符：记录被改动或重新计算。";
    }
}
