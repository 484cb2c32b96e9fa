using System.Text.Json.Nodes;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tests.Auditing;

public class AuditChainTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Stream = Guid.NewGuid();
    private static readonly Guid Actor = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_IntactChain_IsIntact()
    {
        var chain = Chain(5);

        Assert.Equal(AuditChainVerification.Intact, AuditChain.Verify(chain));
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[2].Hash, chain[3].PreviousHash);
    }

    [Fact]
    public void Verify_EmptyStream_IsIntact() =>
        Assert.True(AuditChain.Verify([]).IsIntact);

    [Fact]
    public void Verify_TamperedDetails_BreaksAtThatEntry()
    {
        var chain = Chain(5);
        Tamper(chain[2], nameof(AuditEntry.Details), """{"frequency":8}""");

        Assert.Equal(3, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Verify_TamperedTimestamp_BreaksAtThatEntry()
    {
        var chain = Chain(5);
        Tamper(chain[1], nameof(AuditEntry.OccurredAtUtc), chain[1].OccurredAtUtc.AddTicks(TimeSpan.TicksPerMicrosecond));

        Assert.Equal(2, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Verify_TamperedActor_BreaksAtThatEntry()
    {
        var chain = Chain(5);
        Tamper(chain[3], nameof(AuditEntry.ActorUserId), (Guid?)Guid.NewGuid());

        Assert.Equal(4, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Verify_TamperedEntryWithRecomputedHash_BreaksAtTheNextEntry()
    {
        var chain = Chain(5);
        Tamper(chain[1], nameof(AuditEntry.Action), "agreement.terminated");
        Tamper(chain[1], nameof(AuditEntry.Hash), AuditHash.Compute(chain[1]));

        Assert.Equal(3, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Verify_DeletedEntry_BreaksWhereItWasMissing()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_ReorderedEntries_AreDetected()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(2, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Verify_SwappedSequenceNumbers_AreDetected()
    {
        var chain = Chain(5);
        Tamper(chain[1], nameof(AuditEntry.Sequence), 3L);
        Tamper(chain[2], nameof(AuditEntry.Sequence), 2L);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(2, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void Append_TruncatesToMicrosecondsInUtc()
    {
        var withTicks = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);

        var entry = AuditEntry.Append(null, Tenant, Stream, withTicks, Actor, "agreement.created", []);

        Assert.Equal(TimeSpan.Zero, entry.OccurredAtUtc.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), entry.OccurredAtUtc);
        Assert.Contains("at=27:2026-03-02T02:00:00.123456Z\n", AuditHash.CanonicalText(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Append_OtherStreamsPrevious_IsRefused()
    {
        var first = AuditEntry.Append(null, Tenant, Stream, Start, Actor, "agreement.created", []);

        Assert.Throws<DomainException>(() =>
            AuditEntry.Append(first, Tenant, Guid.NewGuid(), Start, Actor, "agreement.created", []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Agreement Submitted")]
    [InlineData("协议提交")]
    public void Append_BadActionCode_IsRefused(string action) =>
        Assert.Throws<DomainException>(() => AuditEntry.Append(null, Tenant, Stream, Start, Actor, action, []));

    [Fact]
    public void Append_DetailsAreCanonicalWhateverTheKeyOrder()
    {
        var a = AuditEntry.Append(null, Tenant, Stream, Start, Actor, "item.edited", new JsonObject { ["b"] = 1, ["a"] = "血压" });
        var b = AuditEntry.Append(null, Tenant, Stream, Start, Actor, "item.edited", new JsonObject { ["a"] = "血压", ["b"] = 1 });

        Assert.Equal("""{"a":"血压","b":1}""", a.Details);
        Assert.Equal(a.Hash, b.Hash);
        Assert.True(CanonicalJson.IsCanonical(a.Details));
        Assert.False(CanonicalJson.IsCanonical("""{ "b":1,"a":"血压"}"""));
    }

    [Fact]
    public void CanonicalText_PrefixesEveryFieldWithItsUtf8Length()
    {
        var entry = AuditEntry.Append(null, Tenant, Stream, Start, null, "a.b", new JsonObject { ["x"] = "血" });
        var text = AuditHash.CanonicalText(entry);

        Assert.StartsWith("yiyang-audit-v1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nactor=0:\naction=3:a.b\ndetails=11:{\"x\":\"血\"}\n", text, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
    }

    private static List<AuditEntry> Chain(int count)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var details = new JsonObject { ["step"] = i, ["note"] = $"第 {i + 1} 步" };
            chain.Add(AuditEntry.Append(chain.LastOrDefault(), Tenant, Stream, Start.AddMinutes(i), Actor, "agreement.step", details));
        }

        return chain;
    }

    /// <summary>Simulates someone editing a stored row behind the domain's back.</summary>
    private static void Tamper(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);
}
