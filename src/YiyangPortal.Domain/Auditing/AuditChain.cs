namespace YiyangPortal.Domain.Auditing;

/// <summary>The outcome of verifying one stream: intact, or the first sequence number at which it breaks and why.</summary>
public sealed record AuditChainVerification(bool IsIntact, long? FirstBrokenSequence, string? Problem)
{
    public static AuditChainVerification Intact { get; } = new(true, null, null);

    public static AuditChainVerification BrokenAt(long sequence, string problem) => new(false, sequence, problem);
}

/// <summary>Checks a stream of audit entries read back in stored order (<c>ORDER BY sequence</c>).</summary>
public static class AuditChain
{
    /// <summary>
    /// Intact when sequences run 1, 2, 3 … without gaps, each entry links to the hash of the one before, every hash
    /// matches the entry's content, and all entries share one tenant and stream. Removing the newest entries
    /// leaves a shorter valid chain: anchor the latest sequence and hash elsewhere to detect that.
    /// </summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEntry> entries)
    {
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            var expected = (previous?.Sequence ?? 0) + 1;
            var problem = Problem(entry, previous, expected);
            if (problem is not null)
            {
                return AuditChainVerification.BrokenAt(expected, problem);
            }

            previous = entry;
        }

        return AuditChainVerification.Intact;
    }

    private static string? Problem(AuditEntry entry, AuditEntry? previous, long expected)
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

        return entry.Hash != AuditHash.Compute(entry) ? "记录内容与哈希不符：内容被改动。" : null;
    }
}
