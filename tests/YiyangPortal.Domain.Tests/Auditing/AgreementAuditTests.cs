using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Tests.Agreements;

namespace YiyangPortal.Domain.Tests.Auditing;

public class AgreementAuditTests
{
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
            chain.Add(AgreementAudit.Append(chain.LastOrDefault(), agreement, recorded));
        }

        Assert.True(AuditChain.Verify(chain).IsIntact);
        Assert.Equal(agreement.Events.Count, chain.Count);
        Assert.Null(chain[^1].ActorUserId);
        var signed = chain.First(e => e.Action == "agreement.signed");
        Assert.Equal("""{"after":"王院长（法定代表人）","party":"ElderCare","round":1}""", signed.Details);
    }
}
