using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// 2020 guide 六(二): an agreement ends by mutual written agreement, or by one party's notice with a reason that the
/// other confirms or that takes effect after the notice period; never back-dated.
/// </summary>
public class TerminationTests
{
    private static readonly DateOnly Today = BeijingTime.DateOf(Now);

    // 2020 六(二): termination is never back-dated.
    [Fact]
    public void Propose_DateBeforeToday_IsRefusedAsBackDating()
    {
        var agreement = Effective();

        var e = Assert.Throws<DomainException>(() =>
            agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", Today.AddDays(-1), NoticeDays));

        Assert.Contains("倒签", e.Message, StringComparison.Ordinal);
        Assert.Null(agreement.PendingTermination);
    }

    [Fact]
    public void Propose_WithoutReasonOrAfterTheTerm_IsRefused()
    {
        var agreement = Effective();

        Assert.Throws<DomainException>(() => agreement.ProposeTermination(Elder(), TerminationKind.Mutual, " ", Today, NoticeDays));
        Assert.Throws<DomainException>(() =>
            agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "停业", new DateOnly(2027, 3, 1), NoticeDays));
        Assert.Throws<DomainException>(() => agreement.ProposeTermination(Elder(), (TerminationKind)9, "停业", Today, NoticeDays));
    }

    // 2020 六(二): 协商一致 — the agreement stays in force until the other party confirms.
    [Fact]
    public void Mutual_Unconfirmed_StaysEffectiveEvenPastTheProposedDay()
    {
        var agreement = Effective();

        agreement.ProposeTermination(Medic(), TerminationKind.Mutual, "医院科室调整", Today, NoticeDays);

        Assert.Equal(AgreementStatus.Effective, agreement.Status);
        var pending = Assert.IsType<PendingTermination>(agreement.PendingTermination);
        Assert.Equal(AgreementParty.Medical, pending.ProposedBy);
        Assert.Equal(AgreementParty.ElderCare, pending.OtherParty);
        Assert.Null(pending.TakesEffectOn);
        Assert.False(agreement.IsTerminationDue(Today.AddDays(100)));
        Assert.Equal(AgreementEventKind.TerminationProposed, agreement.Events[^1].Kind);
    }

    // 2020 六(二): confirmed on or after the proposed day, it takes effect on the confirmation day, not earlier.
    [Fact]
    public void Mutual_ConfirmedAfterTheProposedDay_TerminatesOnTheConfirmationDay()
    {
        var agreement = Effective();
        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "养老院搬迁", Today, NoticeDays);

        agreement.ConfirmTermination(Medic(Now.AddDays(3)));

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal(Today.AddDays(3), agreement.TerminatedOn);
        Assert.Equal(AgreementParty.ElderCare, agreement.TerminatedBy);
        Assert.Equal("养老院搬迁", agreement.TerminationReason);
        Assert.Equal([AgreementEventKind.TerminationConfirmed, AgreementEventKind.Terminated], agreement.Events.TakeLast(2).Select(e => e.Kind));
        Assert.Null(agreement.PendingTermination);
    }

    // 2020 六(二): confirmed before a later proposed day, it takes effect on that day (the sweep applies it).
    [Fact]
    public void Mutual_ConfirmedBeforeTheProposedDay_TakesEffectOnThatDayThroughTheSweep()
    {
        var agreement = Effective();
        var on = Today.AddDays(10);
        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "养老院搬迁", on, NoticeDays);

        agreement.ConfirmTermination(Medic(Now.AddDays(1)));

        Assert.Equal(AgreementStatus.Effective, agreement.Status);
        Assert.Equal(on, agreement.PendingTermination!.TakesEffectOn);
        Assert.False(agreement.IsTerminationDue(on.AddDays(-1)));
        Assert.True(agreement.IsTerminationDue(on));

        agreement.ApplyDueTermination(on.AddDays(2));

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal(on, agreement.TerminatedOn);
        Assert.Equal(BeijingTime.StartOfDayUtc(on), agreement.Events[^1].OccurredAtUtc);
        Assert.Null(agreement.Events[^1].ActorUserId);
    }

    // 2020 六(二): 单方通知 takes effect after the notice period without the other party's answer.
    [Fact]
    public void Notice_Unanswered_TakesEffectWhenTheNoticePeriodEnds()
    {
        var agreement = Effective();
        agreement.ProposeTermination(Elder(), TerminationKind.Notice, "机构停业", Today, NoticeDays);
        var ends = Today.AddDays(NoticeDays);

        Assert.Equal(ends, agreement.PendingTermination!.TakesEffectOn);
        Assert.False(agreement.IsTerminationDue(ends.AddDays(-1)));
        Assert.Throws<DomainException>(() => agreement.ApplyDueTermination(ends.AddDays(-1)));

        agreement.ApplyDueTermination(ends);

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal(ends, agreement.TerminatedOn);
    }

    // 2020 六(二): a notice naming a day after the notice period ends on that day.
    [Fact]
    public void Notice_ForADayAfterThePeriod_EndsOnThatDay()
    {
        var agreement = Effective();

        agreement.ProposeTermination(Medic(), TerminationKind.Notice, "机构停业", Today.AddDays(45), NoticeDays);

        Assert.Equal(Today.AddDays(45), agreement.PendingTermination!.TakesEffectOn);
    }

    // 2020 六(二) with the term: a notice that would end after the term's last day never applies; the agreement expires.
    [Fact]
    public void Notice_EndingAfterTheTerm_LeavesTheAgreementToExpire()
    {
        var agreement = Effective();
        var lastDay = new DateOnly(2027, 2, 28);
        var at = new DateTimeOffset(2027, 2, 10, 2, 0, 0, TimeSpan.Zero);

        agreement.ProposeTermination(Elder(at), TerminationKind.Notice, "机构停业", lastDay, NoticeDays);

        Assert.Equal(new DateOnly(2027, 3, 12), agreement.PendingTermination!.TakesEffectOn);
        Assert.False(agreement.IsTerminationDue(new DateOnly(2027, 3, 12)));
        Assert.True(agreement.HasTermEnded(new DateOnly(2027, 3, 12)));
    }

    // 2020 六(二): the other party may confirm a notice, which then takes effect at once.
    [Fact]
    public void Notice_ConfirmedByTheOtherParty_TakesEffectThatDay()
    {
        var agreement = Effective();
        agreement.ProposeTermination(Elder(), TerminationKind.Notice, "机构停业", Today, NoticeDays);

        agreement.ConfirmTermination(Medic(Now.AddDays(2)));

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal(Today.AddDays(2), agreement.TerminatedOn);
    }

    // 2020 六(二): a notice cannot be declined; a mutual proposal can.
    [Fact]
    public void Decline_Mutual_LapsesTheProposal_ButANoticeCannotBeDeclined()
    {
        var mutual = Effective();
        mutual.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", Today, NoticeDays);
        Assert.False(mutual.MayDeclineTermination(AgreementParty.ElderCare));
        Assert.True(mutual.MayDeclineTermination(AgreementParty.Medical));

        mutual.DeclineTermination(Medic(), "服务仍在进行");

        Assert.Equal(AgreementStatus.Effective, mutual.Status);
        Assert.Null(mutual.PendingTermination);
        Assert.Equal(AgreementEventKind.TerminationDeclined, mutual.Events[^1].Kind);
        Assert.Equal("服务仍在进行", mutual.Events[^1].Reason);

        var notice = Effective();
        notice.ProposeTermination(Elder(), TerminationKind.Notice, "机构停业", Today, NoticeDays);
        Assert.Throws<DomainException>(() => notice.DeclineTermination(Medic(), "不同意"));
    }

    // 2020 六(二): the proposer may withdraw before the other party confirmed; not after.
    [Fact]
    public void Withdraw_ByTheProposerBeforeConfirmation_KeepsTheAgreement()
    {
        var agreement = Effective();
        agreement.ProposeTermination(Elder(), TerminationKind.Notice, "机构停业", Today, NoticeDays);
        Assert.Throws<DomainException>(() => agreement.WithdrawTermination(Medic()));

        agreement.WithdrawTermination(Elder(Now.AddDays(1)));

        Assert.Null(agreement.PendingTermination);
        Assert.False(agreement.IsTerminationDue(Today.AddDays(NoticeDays)));
        Assert.Equal(AgreementEventKind.TerminationWithdrawn, agreement.Events[^1].Kind);

        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", Today.AddDays(5), NoticeDays);
        agreement.ConfirmTermination(Medic());
        Assert.Throws<DomainException>(() => agreement.WithdrawTermination(Elder()));
    }

    // 2020 六(二): one pending proposal at a time, whoever would propose the second.
    [Theory]
    [InlineData(AgreementParty.ElderCare)]
    [InlineData(AgreementParty.Medical)]
    public void Propose_WhileOneIsPending_IsRefused(AgreementParty second)
    {
        var agreement = Effective();
        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", Today, NoticeDays);

        Assert.False(agreement.MayProposeTermination(second));
        Assert.Throws<DomainException>(() => agreement.ProposeTermination(As(second), TerminationKind.Notice, "另一理由", Today, NoticeDays));
    }

    // 2020 六(二): only the parties act, each in its own role — the proposer cannot confirm its own proposal.
    [Fact]
    public void Confirm_ByTheProposerOrWithoutAPendingProposal_IsRefused()
    {
        var agreement = Effective();
        Assert.Throws<DomainException>(() => agreement.ConfirmTermination(Medic()));
        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "机构停业", Today, NoticeDays);

        Assert.False(agreement.MayConfirmTermination(AgreementParty.ElderCare));
        Assert.Throws<DomainException>(() => agreement.ConfirmTermination(Elder()));
        Assert.Throws<DomainException>(() => agreement.ConfirmTermination(default));
        Assert.Equal(AgreementStatus.Effective, agreement.Status);
    }

    [Fact]
    public void Propose_NotInForce_IsRefused() =>
        Assert.Throws<DomainException>(() => PendingSignature().ProposeTermination(Elder(), TerminationKind.Mutual, "x", Today, NoticeDays));
}
