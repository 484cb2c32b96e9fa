using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Agreements.AgreementAction;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// Issue 13 point 3: the aggregate says what each party may do in each state, and its steps refuse exactly what it
/// does not permit, so the pages can ask it instead of re-deriving the rules.
/// </summary>
public class AgreementPermissionsTests
{
    public static TheoryData<string> States => ["Draft", "Submitted", "PendingSignature", "PartiallySigned", "Effective", "Terminating", "Terminated"];

    private static Agreement In(string state)
    {
        switch (state)
        {
            case "Draft": return Draft();
            case "Submitted": return Submitted();
            case "PendingSignature": return PendingSignature();
            case "PartiallySigned":
                var partly = PendingSignature();
                Sign(partly, AgreementParty.ElderCare);
                return partly;
            case "Effective": return Effective();
            case "Terminating":
                var terminating = Effective();
                terminating.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", BeijingTime.DateOf(Now).AddDays(10), NoticeDays);
                return terminating;
            default:
                var terminated = Effective();
                TerminateByAgreement(terminated, Elder());
                return terminated;
        }
    }

    [Theory]
    [InlineData("Draft", AgreementParty.ElderCare, new[] { Edit, Submit })]
    [InlineData("Draft", AgreementParty.Medical, new AgreementAction[0])]
    [InlineData("Submitted", AgreementParty.ElderCare, new AgreementAction[0])]
    [InlineData("Submitted", AgreementParty.Medical, new[] { ReviewItems, Accept, ReturnForRevision })]
    [InlineData("PendingSignature", AgreementParty.ElderCare, new[] { ReturnForRevision, AgreementAction.Sign })]
    [InlineData("PendingSignature", AgreementParty.Medical, new[] { ReturnForRevision, AgreementAction.Sign })]
    [InlineData("PartiallySigned", AgreementParty.ElderCare, new[] { ReturnForRevision })]
    [InlineData("PartiallySigned", AgreementParty.Medical, new[] { ReturnForRevision, AgreementAction.Sign })]
    [InlineData("Effective", AgreementParty.ElderCare, new[] { ProposeTermination, Renew, Supplement, ConfirmService, RecordPayment })]
    [InlineData("Effective", AgreementParty.Medical, new[] { ProposeTermination, RecordService, ConfirmPayment })]
    [InlineData("Terminating", AgreementParty.ElderCare, new[] { WithdrawTermination, Renew, Supplement, ConfirmService, RecordPayment })]
    [InlineData("Terminating", AgreementParty.Medical, new[] { ConfirmTermination, DeclineTermination, RecordService, ConfirmPayment })]
    [InlineData("Terminated", AgreementParty.ElderCare, new[] { ConfirmService, RecordPayment })]
    [InlineData("Terminated", AgreementParty.Medical, new[] { RecordService, ConfirmPayment })]
    public void EachStateAndParty_PermitsExactlyItsSteps(string state, AgreementParty party, AgreementAction[] expected) =>
        Assert.Equal(expected.Order(), In(state).PermittedActions(party).Order());

    [Theory]
    [MemberData(nameof(States))]
    public void AStepNotPermitted_IsRefusedByTheStepItself(string state)
    {
        foreach (var party in new[] { AgreementParty.ElderCare, AgreementParty.Medical })
        {
            foreach (var action in new[] { Edit, Submit, ReviewItems, Accept, ReturnForRevision, AgreementAction.Sign, Renew, Supplement })
            {
                var agreement = In(state);
                if (agreement.May(party, action))
                {
                    continue;
                }

                Assert.Throws<DomainException>(() => Take(agreement, party, action));
            }
        }
    }

    [Fact]
    public void AnUnknownParty_MayDoNothing() =>
        Assert.Empty(Draft().PermittedActions((AgreementParty)99));

    private static void Take(Agreement agreement, AgreementParty party, AgreementAction action)
    {
        var by = As(party);
        var item = agreement.Items[0].Id;
        switch (action)
        {
            case Edit: agreement.EditItem(by, item, 5, null); break;
            case Submit: agreement.Submit(by); break;
            case ReviewItems: agreement.ApproveItem(by, item); break;
            case Accept: agreement.Accept(by); break;
            case ReturnForRevision: agreement.ReturnForRevision(by, "请修改"); break;
            case AgreementAction.Sign: Sign(agreement, party); break;
            case Renew: agreement.CreateRenewal(by, "YY-2026-0002"); break;
            case Supplement: agreement.CreateSupplement(by, "YY-2026-0003", []); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
