using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tests.Auditing;

/// <summary>Issue 12: the chain is keyed (HMAC), its head checkpointed; recomputation and truncation are detected.</summary>
public class KeyedAuditTests
{
    private static readonly AuditKey Key = new("k1", Encoding.ASCII.GetBytes(new string('k', 32)));
    private static readonly AuditKey NextKey = new("k2", Encoding.ASCII.GetBytes(new string('n', 32)));
    private static readonly AuditKeyring Keys = new(Key);
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Stream = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeyedChain_WithItsCheckpoint_IsIntactAndKeyed()
    {
        var chain = Chain(4, Key);

        var result = AuditChain.Verify(chain, Keys, Checkpoint(chain[^1], Key));

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.IsKeyed);
        Assert.StartsWith("yiyang-audit-v2\nkey=2:k1\n", AuditHash.CanonicalText(chain[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void RewrittenEntry_WithRecomputedPlainHashes_IsDetected()
    {
        var chain = Chain(4, Key);
        var checkpoint = Checkpoint(chain[^1], Key);

        // Someone without the key rewrites entry 2 and recomputes every hash after it as plain SHA-256.
        Tamper(chain[1], nameof(AuditEntry.Details), """{"step":9}""");
        for (var i = 1; i < chain.Count; i++)
        {
            Tamper(chain[i], nameof(AuditEntry.PreviousHash), chain[i - 1].Hash);
            Tamper(chain[i], nameof(AuditEntry.KeyId), null);
            Tamper(chain[i], nameof(AuditEntry.Hash), AuditHash.Compute(chain[i]));
        }

        var result = AuditChain.Verify(chain, Keys, checkpoint);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void RewrittenEntry_WithAGuessedKey_IsDetected()
    {
        var chain = Chain(3, Key);
        var forged = new AuditKey("k1", Encoding.ASCII.GetBytes(new string('x', 32)));
        Tamper(chain[2], nameof(AuditEntry.Details), """{"step":9}""");
        Tamper(chain[2], nameof(AuditEntry.Hash), AuditHash.Compute(chain[2], forged));

        var result = AuditChain.Verify(chain, Keys, Checkpoint(chain[^1], forged));

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("密钥哈希不符", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NewestEntryDeleted_IsDetectedAsTruncation()
    {
        var chain = Chain(4, Key);
        var checkpoint = Checkpoint(chain[^1], Key);
        chain.RemoveAt(3);

        var result = AuditChain.Verify(chain, Keys, checkpoint);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("截断", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NewestEntryDeleted_AndCheckpointRewrittenWithoutTheKey_IsDetected()
    {
        var chain = Chain(4, Key);
        chain.RemoveAt(3);
        var rewound = AuditCheckpoint.Restore(Tenant, Stream, 3, chain[2].Hash, "k1", new string('0', 64), Start);

        var result = AuditChain.Verify(chain, Keys, rewound);

        Assert.False(result.IsIntact);
        Assert.Contains("检查点", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCheckpoint_IsDetected() =>
        Assert.False(AuditChain.Verify(Chain(2, Key), Keys, null).IsIntact);

    [Fact]
    public void UnkeyedCheckpoint_OfAKeyedChain_IsDetected()
    {
        var chain = Chain(2, Key);
        var unkeyed = AuditCheckpoint.Restore(Tenant, Stream, 2, chain[1].Hash, null, null, Start);

        Assert.False(AuditChain.Verify(chain, Keys, unkeyed).IsIntact);
    }

    [Fact]
    public void RotatedKey_OldEntriesVerifyWithTheKeyTheyName()
    {
        var chain = Chain(2, Key);
        chain.Add(AuditEntry.Append(chain[^1], Tenant, Stream, Start.AddMinutes(5), null, "agreement.step", [], NextKey));

        var rotated = new AuditKeyring(NextKey, [Key]);
        var result = AuditChain.Verify(chain, rotated, Checkpoint(chain[^1], NextKey));

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(["k1", "k1", "k2"], chain.Select(e => e.KeyId));
        Assert.False(AuditChain.Verify(chain, new AuditKeyring(NextKey), Checkpoint(chain[^1], NextKey)).IsIntact);
    }

    [Fact]
    public void LegacyChain_StaysVerifiable_AndAKeyedContinuationAnchorsIt()
    {
        var chain = Chain(2, null);
        var legacyHead = AuditCheckpoint.Restore(Tenant, Stream, 2, chain[1].Hash, null, null, Start);

        var legacy = AuditChain.Verify(chain, Keys, legacyHead);
        chain.Add(AuditEntry.Append(chain[^1], Tenant, Stream, Start.AddMinutes(5), null, "agreement.step", [], Key));
        var continued = AuditChain.Verify(chain, Keys, Checkpoint(chain[^1], Key));

        Assert.True(legacy.IsIntact);
        Assert.False(legacy.IsKeyed);
        Assert.True(continued.IsIntact, continued.Problem);
        Assert.True(continued.IsKeyed);
        Assert.Throws<DomainException>(() => AuditEntry.Append(chain[^1], Tenant, Stream, Start, null, "agreement.step", []));
    }

    [Fact]
    public void UnkeyedEntryAfterAKeyedOne_IsDetected()
    {
        var chain = Chain(2, Key);
        var downgraded = AuditEntry.Append(null, Tenant, Stream, Start.AddMinutes(9), null, "agreement.step", []);
        Tamper(downgraded, nameof(AuditEntry.Sequence), 3L);
        Tamper(downgraded, nameof(AuditEntry.PreviousHash), chain[1].Hash);
        Tamper(downgraded, nameof(AuditEntry.Hash), AuditHash.Compute(downgraded));
        chain.Add(downgraded);

        Assert.Equal(3, AuditChain.Verify(chain, Keys, null).FirstBrokenSequence);
    }

    [Fact]
    public void AuditKey_ShortSecret_IsRefused() =>
        Assert.Throws<DomainException>(() => new AuditKey("k1", new byte[16]));

    private static AuditCheckpoint Checkpoint(AuditEntry head, AuditKey key) => AuditCheckpoint.Of(head, key, Start);

    private static List<AuditEntry> Chain(int count, AuditKey? key)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            chain.Add(AuditEntry.Append(chain.LastOrDefault(), Tenant, Stream, Start.AddMinutes(i), null, "agreement.step", new JsonObject { ["step"] = i }, key));
        }

        return chain;
    }

    private static void Tamper(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);
}
