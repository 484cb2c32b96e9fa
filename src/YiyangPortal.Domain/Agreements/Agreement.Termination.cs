using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 终止 (2020 guide 六(二)): by mutual written agreement (协商一致), or by one party on notice with a reason (单方通知)
/// that the other party confirms or that takes effect after the tenant's notice period. One party proposes, the
/// other answers; the agreement stays 已生效 until the termination takes effect, never on a day before it was agreed
/// (no back-dating). See docs/decisions/025-termination.md.
/// </summary>
public sealed partial class Agreement
{
    /// <summary>The longest notice period a tenant may set, in days.</summary>
    public const int MaxNoticeDays = 365;

    public TerminationKind? TerminationKind { get; private set; }

    public AgreementParty? TerminationProposedBy { get; private set; }

    public DateTimeOffset? TerminationProposedAtUtc { get; private set; }

    /// <summary>The Beijing day the proposer asked the termination to take effect on.</summary>
    public DateOnly? TerminationProposedOn { get; private set; }

    public string? TerminationProposalReason { get; private set; }

    public DateOnly? TerminationNoticeEndsOn { get; private set; }

    public DateOnly? TerminationConfirmedOn { get; private set; }

    /// <summary>The termination awaiting its day or the other party's answer; null when there is none.</summary>
    public PendingTermination? PendingTermination =>
        Status == AgreementStatus.Effective && TerminationKind is { } kind && TerminationProposedBy is { } by
            ? new PendingTermination(
                kind, by, TerminationProposedAtUtc!.Value, TerminationProposedOn!.Value, TerminationProposalReason!,
                TerminationNoticeEndsOn, TerminationConfirmedOn)
            : null;

    /// <summary>Whether <paramref name="party"/> may propose a termination now (in force, none pending).</summary>
    public bool MayProposeTermination(AgreementParty party) => Enum.IsDefined(party) && ProposeProblem() is null;

    /// <summary>The other party may confirm a pending termination it has not confirmed yet.</summary>
    public bool MayConfirmTermination(AgreementParty party) => AnswerProblem(party, "确认终止") is null;

    /// <summary>The other party may decline a pending 协商一致 termination it has not confirmed.</summary>
    public bool MayDeclineTermination(AgreementParty party) => DeclineProblem(party) is null;

    /// <summary>The proposer may withdraw until the other party confirmed or the termination took effect.</summary>
    public bool MayWithdrawTermination(AgreementParty party) => WithdrawProblem(party) is null;

    /// <summary>
    /// Proposes to terminate on <paramref name="terminateOn"/>, which may not be before today (Beijing) nor after the
    /// last day of the term. For 单方通知 the notice ends <paramref name="noticeDays"/> days from today (the tenant's
    /// setting), or on the proposed day if later; it takes effect then unless withdrawn.
    /// </summary>
    public void ProposeTermination(AgreementActor by, TerminationKind kind, string reason, DateOnly terminateOn, int noticeDays)
    {
        by.EnsureKnown();
        Machine.EnsureCanFire(Trigger.Terminate);
        if (ProposeProblem() is { } problem)
        {
            throw new DomainException(problem);
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("请选择终止方式（协商一致或单方通知）。");
        }

        var why = RequireReason(reason, "终止协议");
        var today = BeijingTime.DateOf(by.AtUtc);
        if (terminateOn < today)
        {
            throw new DomainException("终止日期不能早于今天：终止不能倒签。");
        }

        if (Terms.Term?.To is { } end && terminateOn > end)
        {
            throw new DomainException("终止日期不能晚于协议期满日（{0:yyyy年M月d日}）；期满后协议自动到期。", end);
        }

        if (noticeDays is < 0 or > MaxNoticeDays)
        {
            throw new DomainException("通知期须在 0 至 {0} 天之间。", MaxNoticeDays);
        }

        var noticeEnds = today.AddDays(noticeDays);
        TerminationKind = kind;
        TerminationProposedBy = by.Party;
        TerminationProposedAtUtc = by.AtUtc;
        TerminationProposedOn = terminateOn;
        TerminationProposalReason = why;
        TerminationNoticeEndsOn = kind == Agreements.TerminationKind.Notice ? (noticeEnds > terminateOn ? noticeEnds : terminateOn) : null;
        TerminationConfirmedOn = null;
        Record(by, AgreementEventKind.TerminationProposed, null, null, $"{kind.ToChinese()}，拟于 {BeijingTime.FormatChineseDate(terminateOn)} 终止", why);
        ApplyIfDue(by, today);
    }

    /// <summary>
    /// The other party confirms in writing: the termination takes effect on the proposed day, or today if that has
    /// passed (never back-dated) — at once when that is today, else on that day by the daily sweep.
    /// </summary>
    public void ConfirmTermination(AgreementActor by)
    {
        by.EnsureKnown();
        if (AnswerProblem(by.Party, "确认终止") is { } problem)
        {
            throw new DomainException(problem);
        }

        var today = BeijingTime.DateOf(by.AtUtc);
        TerminationConfirmedOn = today;
        var on = PendingTermination!.TakesEffectOn!.Value;
        Record(by, AgreementEventKind.TerminationConfirmed, null, null, $"于 {BeijingTime.FormatChineseDate(on)} 终止", null);
        ApplyIfDue(by, today);
    }

    /// <summary>The other party does not agree to a 协商一致 termination: the proposal lapses, the agreement stays in force.</summary>
    public void DeclineTermination(AgreementActor by, string reason)
    {
        by.EnsureKnown();
        if (DeclineProblem(by.Party) is { } problem)
        {
            throw new DomainException(problem);
        }

        var why = RequireReason(reason, "不同意终止");
        ClearProposal();
        Record(by, AgreementEventKind.TerminationDeclined, null, null, null, why);
    }

    /// <summary>The proposer takes the proposal back before the other party confirmed it and before it took effect.</summary>
    public void WithdrawTermination(AgreementActor by)
    {
        by.EnsureKnown();
        if (WithdrawProblem(by.Party) is { } problem)
        {
            throw new DomainException(problem);
        }

        ClearProposal();
        Record(by, AgreementEventKind.TerminationWithdrawn, null, null, null, null);
    }

    /// <summary>
    /// Whether the daily sweep should apply a pending termination on <paramref name="todayInBeijing"/>. A day after the
    /// term's last day never is: the agreement expires then instead (a notice longer than the rest of the term).
    /// </summary>
    public bool IsTerminationDue(DateOnly todayInBeijing) =>
        PendingTermination?.TakesEffectOn is { } on && on <= todayInBeijing && !(Terms.Term?.To < on);

    /// <summary>
    /// The sweep's step: a confirmed termination whose day came, or a notice whose period ended, takes effect,
    /// recorded by the system as of the start of that day (Beijing), like an expiry.
    /// </summary>
    public void ApplyDueTermination(DateOnly todayInBeijing)
    {
        Machine.EnsureCanFire(Trigger.Terminate);
        if (!IsTerminationDue(todayInBeijing))
        {
            throw new DomainException("没有到期应生效的终止申请。");
        }

        var pending = PendingTermination!;
        var on = pending.TakesEffectOn!.Value;
        var latest = _events.Count == 0 ? DateTimeOffset.MinValue : _events.Max(e => e.OccurredAtUtc);
        var start = BeijingTime.StartOfDayUtc(on);
        Terminate(pending, on, start > latest ? start : latest, null, null);
    }

    private void ApplyIfDue(AgreementActor by, DateOnly today)
    {
        if (IsTerminationDue(today) && PendingTermination is { TakesEffectOn: { } on } pending)
        {
            Terminate(pending, on, by.AtUtc, by.UserId, by.Party);
        }
    }

    private void Terminate(PendingTermination pending, DateOnly on, DateTimeOffset at, Guid? userId, AgreementParty? party)
    {
        TerminatedOn = on;
        TerminatedBy = pending.ProposedBy;
        TerminationReason = pending.Reason;
        Machine.Fire(Trigger.Terminate);
        _events.Add(new AgreementEvent(
            NextSequence, ReviewRound, at, userId, party, AgreementEventKind.Terminated, null, null,
            BeijingTime.FormatChineseDate(on), $"{pending.Kind.ToChinese()}：{pending.Reason}"));
    }

    private void ClearProposal()
    {
        TerminationKind = null;
        TerminationProposedBy = null;
        TerminationProposedAtUtc = null;
        TerminationProposedOn = null;
        TerminationProposalReason = null;
        TerminationNoticeEndsOn = null;
        TerminationConfirmedOn = null;
    }

    private DomainMessage? ProposeProblem() =>
        !Machine.CanFire(Trigger.Terminate) ? new DomainMessage("当前状态为“{0}”，不能终止协议。", new DomainMessage(Status.ToChinese()))
        : PendingTermination is { } pending
            ? new DomainMessage("该协议已有{0}提出的终止申请，请先处理该申请。", new DomainMessage(pending.ProposedBy.ToChinese()))
            : null;

    private DomainMessage? AnswerProblem(AgreementParty party, string action)
    {
        if (PendingTermination is not { } pending)
        {
            return new DomainMessage("该协议没有待处理的终止申请。");
        }

        if (party != pending.OtherParty)
        {
            return new DomainMessage("只有{0}可以{1}。", new DomainMessage(pending.OtherParty.ToChinese()), action);
        }

        return pending.IsConfirmed ? new DomainMessage("已确认终止，协议将于确定的终止日期终止。") : null;
    }

    private DomainMessage? DeclineProblem(AgreementParty party) =>
        AnswerProblem(party, "不同意终止") ?? (PendingTermination!.Kind == Agreements.TerminationKind.Notice
            ? new DomainMessage("单方通知终止无需对方同意：通知期满即终止，不能拒绝。")
            : null);

    private DomainMessage? WithdrawProblem(AgreementParty party)
    {
        if (PendingTermination is not { } pending)
        {
            return new DomainMessage("该协议没有待处理的终止申请。");
        }

        if (party != pending.ProposedBy)
        {
            return new DomainMessage("只有提出终止的{0}可以撤回。", new DomainMessage(pending.ProposedBy.ToChinese()));
        }

        return pending.IsConfirmed ? new DomainMessage("对方已确认终止，不能撤回。") : null;
    }
}
