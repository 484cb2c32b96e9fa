using Stateless;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// 备案: informing one county bureau of an effective agreement (2020 guide 六(四); templates: 一式四份). Created by
/// <see cref="FilingRules.ForEffectiveAgreement"/>; either party submits, the county regulator of that bureau
/// acknowledges it (已备案) or asks for a correction by a deadline (需补正). Filing is notification, not approval
/// (issue 11 point 10).
/// </summary>
public sealed class Filing : ITenantOwned
{
    private readonly List<FilingHistoryEntry> _history = [];
    private StateMachine<FilingStatus, Trigger>? _machine;

    private Filing()
    {
    }

    internal Filing(
        Guid tenantId, Guid agreementId, Bureau bureau, Guid countyId, DateTimeOffset signedAtUtc, HolidayCalendar? calendar = null,
        FilingKind kind = FilingKind.Signing)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        TenantId = tenantId;
        AgreementId = agreementId;
        Bureau = bureau;
        CountyId = countyId;
        SignedAtUtc = UtcTimestamp.Normalize(signedAtUtc);
        DueDate = FilingDueDate.From(signedAtUtc, calendar);
        Status = FilingStatus.Pending;
    }

    private enum Trigger
    {
        Submit,
        Accept,
        Return,
        Resubmit,
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Bureau Bureau { get; private set; }

    /// <summary>签约备案 or 终止备案.</summary>
    public FilingKind Kind { get; private set; }

    /// <summary>The county whose bureau receives this filing.</summary>
    public Guid CountyId { get; private set; }

    /// <summary>When the agreement took effect (its second signature) — for a 终止备案, when the termination took
    /// effect: the event reported, from which the deadline runs; kept here so that the days from signing to
    /// filing, which regulators watch, are read from the filing alone.</summary>
    public DateTimeOffset SignedAtUtc { get; private set; }

    /// <summary>Last Beijing day to submit (one calendar month after signing, <see cref="FilingDueDate"/>).</summary>
    public DateOnly DueDate { get; private set; }

    public FilingStatus Status { get; private set; }

    /// <summary>The first submission; whether it was on time does not change with later corrections.</summary>
    public DateTimeOffset? FirstSubmittedAtUtc { get; private set; }

    public DateTimeOffset? ReviewedAtUtc { get; private set; }

    /// <summary>The regulator's reason for the latest 需补正.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>
    /// The last Beijing day to correct and resubmit after the latest 需补正 (inclusive); past it, the filing is 逾期
    /// again (<see cref="FilingTurn"/>).
    /// </summary>
    public DateOnly? CorrectionDueDate { get; private set; }

    /// <summary>The deadline the parties are working to now: the correction deadline while 需补正, else the due date.</summary>
    public DateOnly CurrentDeadline => FilingTurn.CurrentDeadline(Status, DueDate, CorrectionDueDate);

    public IReadOnlyList<FilingHistoryEntry> History => _history;

    /// <summary>The first submission came after the due date (Beijing).</summary>
    public bool WasSubmittedLate => FirstSubmittedAtUtc is { } at && BeijingTime.DateOf(at) > DueDate;

    private StateMachine<FilingStatus, Trigger> Machine => _machine ??= BuildMachine();

    /// <summary>逾期 on <paramref name="todayInBeijing"/>: not submitted by the due date, or not corrected by the correction deadline.</summary>
    public bool IsOverdue(DateOnly todayInBeijing) => FilingTurn.IsOverdue(Status, DueDate, CorrectionDueDate, todayInBeijing);

    /// <summary>The status as pages show it: 逾期 in place of 待报送 once overdue.</summary>
    public string StatusLabel(DateOnly todayInBeijing) =>
        IsOverdue(todayInBeijing) ? FilingStatusLabels.Overdue : Status.ToChinese();

    /// <summary>Whether the parties should be reminded today (7 days before and on the due date).</summary>
    public bool IsReminderDue(DateOnly todayInBeijing) =>
        Status == FilingStatus.Pending && FilingDueDate.IsReminderDay(DueDate, todayInBeijing);

    /// <summary>Either party may file while the filing waits for them (待报送, 需补正).</summary>
    public bool MayBeSubmittedBy(AgreementParty party) =>
        Enum.IsDefined(party) && (Machine.CanFire(Trigger.Submit) || Machine.CanFire(Trigger.Resubmit));

    /// <summary>
    /// Only a regulator of the filing's own bureau and county reviews (2020 guide 六(四)), and only what was submitted
    /// (已报送).
    /// </summary>
    public bool MayBeReviewedBy(RoleAssignment reviewer) => IsReviewer(reviewer) && Machine.CanFire(Trigger.Accept);

    /// <summary>待报送 → 已报送, by either party (both are obliged to inform the bureau).</summary>
    public void Submit(AgreementActor by, string? note = null)
    {
        by.EnsureKnown();
        Machine.Fire(Trigger.Submit);
        FirstSubmittedAtUtc = by.AtUtc;
        Record(by.AtUtc, by.UserId, by.Party, FilingStatus.Pending, note);
    }

    /// <summary>需补正 → 已报送 after the parties corrected what the regulator asked for (late corrections are taken too).</summary>
    public void Resubmit(AgreementActor by, string? note = null)
    {
        by.EnsureKnown();
        Machine.Fire(Trigger.Resubmit);
        Record(by.AtUtc, by.UserId, by.Party, FilingStatus.Returned, note);
    }

    /// <summary>已报送 → 已备案: the county bureau acknowledges the notification.</summary>
    public void Accept(RoleAssignment reviewer, Guid userId, DateTimeOffset atUtc)
    {
        RequireReviewer(reviewer, userId);
        Machine.Fire(Trigger.Accept);
        ReviewedAtUtc = UtcTimestamp.Normalize(atUtc);
        ReturnReason = null;
        CorrectionDueDate = null;
        Record(ReviewedAtUtc.Value, userId, null, FilingStatus.Submitted, null);
    }

    /// <summary>Latest correction deadline a bureau may set, counted from the day it asks.</summary>
    public const int MaxCorrectionDays = 90;

    /// <summary>
    /// 已报送 → 需补正 with the regulator's reason and the last day to correct (inclusive). The deadline cannot be
    /// before the day it is set, nor more than <see cref="MaxCorrectionDays"/> days later. A deadline on a 法定休假日 of
    /// the tenant's <paramref name="calendar"/> moves to the day after the rest ends, as the filing's due date does
    /// (<see cref="HolidayCalendar.LastDay"/>, 民法典 第二百零三条; review B 6).
    /// </summary>
    public void Return(
        RoleAssignment reviewer, Guid userId, DateTimeOffset atUtc, string reason, DateOnly correctionDueDate, HolidayCalendar? calendar = null)
    {
        RequireReviewer(reviewer, userId);
        Machine.EnsureCanFire(Trigger.Return);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写需要补正的内容。");
        }

        if (CorrectionDeadlineProblem(correctionDueDate, BeijingTime.DateOf(atUtc)) is { } problem)
        {
            throw new DomainException(problem);
        }

        Machine.Fire(Trigger.Return);
        ReviewedAtUtc = UtcTimestamp.Normalize(atUtc);
        ReturnReason = reason.Trim();
        CorrectionDueDate = (calendar ?? HolidayCalendar.None).LastDay(correctionDueDate);
        // A reason that already ends its sentence takes no second mark: "…扫描件。补正截止…", not "…扫描件。；补正截止…".
        var joint = ReturnReason.Length > 0 && "。！？；.!?;".Contains(ReturnReason[^1], StringComparison.Ordinal) ? string.Empty : "；";
        Record(ReviewedAtUtc.Value, userId, null, FilingStatus.Submitted, $"{ReturnReason}{joint}补正{FilingStatusLabels.Deadline(CorrectionDueDate.Value)}");
    }

    /// <summary>Why a correction deadline cannot be set on <paramref name="today"/>, or null.</summary>
    public static DomainMessage? CorrectionDeadlineProblem(DateOnly correctionDueDate, DateOnly today) =>
        correctionDueDate < today ? new DomainMessage("补正截止日期不能早于今天。")
        : correctionDueDate > today.AddDays(MaxCorrectionDays) ? new DomainMessage("补正截止日期不能晚于 {0} 天之后。", MaxCorrectionDays)
        : null;

    private static string TriggerLabel(Trigger trigger) => trigger switch
    {
        Trigger.Submit => "报送",
        Trigger.Accept => "确认备案",
        Trigger.Return => "要求补正",
        Trigger.Resubmit => "重新报送",
        _ => "执行该操作",
    };

    private void RequireReviewer(RoleAssignment reviewer, Guid userId)
    {
        if (userId == Guid.Empty)
        {
            throw new DomainException("缺少操作人。");
        }

        // 2020 guide 六(四): the county-level bureau is informed, so it (not the city level) acts on the filing.
        if (!IsReviewer(reviewer))
        {
            throw new DomainException("只有本区县对应部门的监管人员可以审核该备案。");
        }
    }

    private bool IsReviewer(RoleAssignment reviewer) =>
        reviewer.Role == PortalRole.Regulator && reviewer.Bureau == Bureau && reviewer.CountyId == CountyId;

    private void Record(DateTimeOffset atUtc, Guid userId, AgreementParty? party, FilingStatus from, string? note) =>
        _history.Add(new FilingHistoryEntry(atUtc, userId, party, from, Status, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));

    private StateMachine<FilingStatus, Trigger> BuildMachine()
    {
        var machine = DomainStateMachine.Create<FilingStatus, Trigger>(
            () => Status, s => Status = s, FilingStatusLabels.ToChinese, TriggerLabel);
        machine.Configure(FilingStatus.Pending).Permit(Trigger.Submit, FilingStatus.Submitted);
        machine.Configure(FilingStatus.Submitted)
            .Permit(Trigger.Accept, FilingStatus.Accepted)
            .Permit(Trigger.Return, FilingStatus.Returned);
        machine.Configure(FilingStatus.Returned).Permit(Trigger.Resubmit, FilingStatus.Submitted);
        return machine;
    }
}
