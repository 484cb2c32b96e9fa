using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>Whose turn it is (issue 10): what each state of the workflow waits for, and from whom.</summary>
public class AgreementAwaitingTests
{
    [Fact]
    public void Draft_AwaitsTheElderCareSideToFinishIt()
    {
        var agreement = Draft();

        Assert.Equal(AgreementTask.CompleteDraft, agreement.AwaitedTask(AgreementParty.ElderCare));
        Assert.Null(agreement.AwaitedTask(AgreementParty.Medical));
        Assert.Equal([AgreementParty.ElderCare], agreement.AwaitedParties());
    }

    [Fact]
    public void Submitted_AwaitsTheMedicalReview_EvenWhileItProposesChanges()
    {
        var agreement = Submitted();
        agreement.ProposeChange(Medic(), agreement.Items[0].Id, 2, null, "每月只能安排两次");

        Assert.Equal(AgreementTask.Review, agreement.AwaitedTask(AgreementParty.Medical));
        Assert.False(agreement.IsAwaiting(AgreementParty.ElderCare));
    }

    [Fact]
    public void ReturnedWithAnOpenProposal_AwaitsTheElderCareSidesAnswer_ThenTheDraft()
    {
        var agreement = Submitted();
        var item = agreement.Items[0];
        agreement.ProposeChange(Medic(), item.Id, 2, null, "每月只能安排两次");
        agreement.ReturnForRevision(Medic(), "请确认频次");

        Assert.Equal(AgreementTask.AnswerProposals, agreement.AwaitedTask(AgreementParty.ElderCare));
        Assert.Equal([AgreementParty.ElderCare], agreement.AwaitedParties());

        agreement.AcceptProposal(Elder(), item.Id);
        Assert.Equal(AgreementTask.CompleteDraft, agreement.AwaitedTask(AgreementParty.ElderCare));
    }

    [Fact]
    public void ReturnedWithoutProposal_AwaitsTheDraft()
    {
        var agreement = Submitted();
        agreement.ReturnForRevision(Medic(), "请补充查房医师");

        Assert.Equal(AgreementTask.CompleteDraft, agreement.AwaitedTask(AgreementParty.ElderCare));
        Assert.Null(agreement.AwaitedTask(AgreementParty.Medical));
    }

    [Fact]
    public void PendingSignature_AwaitsBoth_ThenOnlyTheSideThatHasNotSigned()
    {
        var agreement = PendingSignature();
        Assert.Equal([AgreementParty.ElderCare, AgreementParty.Medical], agreement.AwaitedParties());
        Assert.Equal(AgreementTask.Sign, agreement.AwaitedTask(AgreementParty.Medical));

        Sign(agreement, AgreementParty.Medical);

        Assert.Equal([AgreementParty.ElderCare], agreement.AwaitedParties());
        Assert.True(agreement.HasSigned(AgreementParty.Medical));
        Assert.Equal(AgreementTask.Sign, agreement.AwaitedTask(AgreementParty.ElderCare));
        Assert.Null(agreement.AwaitedTask(AgreementParty.Medical));
    }

    [Fact]
    public void PartiallySigned_ReturnedForRevision_WithdrawsTheSignature_AndAwaitsTheDraftAgain()
    {
        var agreement = PendingSignature();
        Sign(agreement, AgreementParty.ElderCare);

        agreement.ReturnForRevision(Medic(), "查房次数需调整");

        Assert.False(agreement.HasSigned(AgreementParty.ElderCare));
        Assert.Equal([AgreementParty.ElderCare], agreement.AwaitedParties());
    }

    [Fact]
    public void EffectiveOrTerminated_AwaitsNobody()
    {
        var agreement = Effective();
        Assert.Empty(agreement.AwaitedParties());

        TerminateByAgreement(agreement, Elder(Now.AddDays(1)), "养老院搬迁");
        Assert.Empty(agreement.AwaitedParties());
    }

    [Theory]
    [InlineData(AgreementParty.ElderCare, new[] { AgreementStatus.Draft, AgreementStatus.ReturnedForRevision, AgreementStatus.PendingSignature, AgreementStatus.PartiallySigned })]
    [InlineData(AgreementParty.Medical, new[] { AgreementStatus.PendingMedicalReview, AgreementStatus.PendingSignature, AgreementStatus.PartiallySigned })]
    public void StatusesAwaiting_AreTheStatusesInWhichThePartyCanHaveATask(AgreementParty party, AgreementStatus[] expected)
    {
        Assert.Equal(expected, Agreement.StatusesAwaiting(party));

        // Every agreement that awaits the party is in one of those statuses (what a query narrows by).
        foreach (var agreement in new[] { Draft(), Submitted(), PendingSignature(), Effective() })
        {
            Assert.True(!agreement.IsAwaiting(party) || expected.Contains(agreement.Status), agreement.Status.ToString());
        }
    }

    [Fact]
    public void IsEndingWithin_CountsSixtyDaysToTheTermsLastDay_OnlyWhileEffective()
    {
        var agreement = Effective(); // term 2026-03-01 – 2027-02-28
        var end = new DateOnly(2027, 2, 28);

        Assert.False(agreement.IsEndingWithin(end.AddDays(-61)));
        Assert.True(agreement.IsEndingWithin(end.AddDays(-60)));
        Assert.True(agreement.IsEndingWithin(end));
        Assert.True(agreement.IsEndingWithin(end.AddDays(2))); // over, not yet swept to 已到期
        Assert.False(PendingSignature().IsEndingWithin(end));
    }
}
