using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Tests.Agreements;

namespace YiyangPortal.Domain.Tests.Auditing;

public class AgreementAuditTests
{
    private static readonly AuditKey Key = new("k1", System.Text.Encoding.ASCII.GetBytes(new string('k', 32)));

    [Theory]
    [InlineData(AgreementEventKind.Created, "agreement.created")]
    [InlineData(AgreementEventKind.ItemChangeProposed, "agreement.item-change-proposed")]
    [InlineData(AgreementEventKind.BecameEffective, "agreement.became-effective")]
    public void Action_IsDottedKebabCode(AgreementEventKind kind, string expected) =>
        Assert.Equal(expected, AgreementAudit.Action(kind));

    [Fact]
    public void Append_EveryEventOfAnAgreement_FormsAnIntactChain()
    {
        var agreement = AgreementFixture.Effective();
        agreement.Expire(new DateOnly(2027, 3, 1));

        var chain = new List<AuditEntry>();
        foreach (var recorded in agreement.Events)
        {
            chain.Add(AgreementAudit.Append(chain.LastOrDefault(), agreement, recorded, null));
        }

        Assert.True(AuditChain.Verify(chain).IsIntact);
        Assert.Equal(agreement.Events.Count, chain.Count);
        Assert.Null(chain[^1].ActorUserId);
        var signed = chain.First(e => e.Action == "agreement.signed");
        Assert.Equal("""{"after":"王院长（法定代表人）","party":"ElderCare","round":1}""", signed.Details);
    }

    [Fact]
    public void Append_Keyed_CoversTheSignedTextAndTheSignersAddress()
    {
        var agreement = AgreementFixture.Effective();

        var chain = Record(agreement, executedSha256: AgreementFixture.Sha);

        var signed = chain.First(e => e.Action == "agreement.signed");
        Assert.Contains($"\"sha256\":\"{AgreementFixture.Sha}\"", signed.Details, StringComparison.Ordinal);
        Assert.Contains("\"ip\":\"203.0.113.7\"", signed.Details, StringComparison.Ordinal);
        Assert.Contains($"\"executed\":\"{AgreementFixture.Sha}\"", chain.First(e => e.Action == "agreement.became-effective").Details, StringComparison.Ordinal);
        Assert.Equal(AuditChainVerification.Intact, AgreementAudit.Compare(agreement, chain, AgreementFixture.Sha));
    }

    [Fact]
    public void Compare_AnotherExecutedCopyThanRecorded_IsReported()
    {
        var agreement = AgreementFixture.Effective();
        var chain = Record(agreement, executedSha256: AgreementFixture.Sha);

        var result = AgreementAudit.Compare(agreement, chain, new string('f', 64));

        Assert.False(result.IsIntact);
        Assert.Contains("与页面显示的历史不符", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_StatusChangedWithoutAStep_IsReported()
    {
        var agreement = AgreementFixture.PendingSignature();
        var chain = Record(agreement, null);
        typeof(Agreement).GetProperty(nameof(Agreement.Status))!.SetValue(agreement, AgreementStatus.Effective);

        var result = AgreementAudit.Compare(agreement, chain, null);

        Assert.False(result.IsIntact);
        Assert.Contains("协议状态", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_HistoryEntryMissingFromTheChain_IsReported()
    {
        var agreement = AgreementFixture.Submitted();
        var chain = Record(agreement, null);
        chain.RemoveAt(chain.Count - 1);

        Assert.False(AgreementAudit.Compare(agreement, chain, null).IsIntact);
    }

    [Fact]
    public void Compare_WithdrawnSignature_StaysOnRecordAndTheChainStillMatches()
    {
        var agreement = AgreementFixture.PendingSignature();
        AgreementFixture.Sign(agreement, AgreementParty.ElderCare);
        agreement.ReturnForRevision(AgreementFixture.Medic(), "会诊费需调整");

        var chain = Record(agreement, null);

        Assert.Empty(agreement.Signatures);
        Assert.Single(agreement.SignatureHistory);
        Assert.Equal(AuditChainVerification.Intact, AgreementAudit.Compare(agreement, chain, null));
    }

    /// <summary>The keyed audit entries of every event of <paramref name="agreement"/>, as the workflow writes them.</summary>
    private static List<AuditEntry> Record(Agreement agreement, string? executedSha256)
    {
        var chain = new List<AuditEntry>();
        foreach (var recorded in agreement.Events)
        {
            chain.Add(AgreementAudit.Append(chain.LastOrDefault(), agreement, recorded, Key, executedSha256));
        }

        return chain;
    }
}
