using Stateless;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// 备案: informing one county bureau of an effective agreement (2020 guide 六(四); templates: 一式四份). Created by
/// <see cref="FilingRules.ForEffectiveAgreement"/>; either party submits, the county regulator of that bureau
/// accepts or returns it for correction.
/// </summary>
public sealed class Filing : ITenantOwned
{
    private readonly List<FilingHistoryEntry> _history = [];
    private StateMachine<FilingStatus, Trigger>? _machine;

    private Filing()
    {
    }

    internal Filing(Guid tenantId, Guid agreementId, Bureau bureau, Guid countyId, DateTimeOffset signedAtUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        AgreementId = agreementId;
        Bureau = bureau;
        CountyId = countyId;
        SignedAtUtc = UtcTimestamp.Normalize(signedAtUtc);
        DueDate = FilingDueDate.From(signedAtUtc);
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

    /// <summary>The county whose bureau receives this filing.</summary>
    public Guid CountyId { get; private set; }

    /// <summary>When the agreement took effect (its second signature); kept here so that the days from signing to
    /// filing, which regulators watch, are read from the filing alone.</summary>
    public DateTimeOffset SignedAtUtc { get; private set; }

    /// <summary>Last Beijing day to submit (one calendar month after signing, <see cref="FilingDueDate"/>).</summary>
    public DateOnly DueDate { get; private set; }

    public FilingStatus Status { get; private set; }

    /// <summary>The first submission; whether it was on time does not change with later corrections.</summary>
    public DateTimeOffset? FirstSubmittedAtUtc { get; private set; }

    public DateTimeOffset? ReviewedAtUtc { get; private set; }

    /// <summary>The regulator's reason for the latest 退回补正.</summary>
    public string? ReturnReason { get; private set; }

    public IReadOnlyList<FilingHistoryEntry> History => _history;

    /// <summary>The first submission came after the due date (Beijing).</summary>
    public bool WasSubmittedLate => FirstSubmittedAtUtc is { } at && BeijingTime.DateOf(at) > DueDate;

    private StateMachine<FilingStatus, Trigger> Machine => _machine ??= BuildMachine();

    /// <summary>逾期: never submitted and the due date has passed on <paramref name="todayInBeijing"/>.</summary>
    public bool IsOverdue(DateOnly todayInBeijing) => FilingTurn.IsOverdue(Status, DueDate, todayInBeijing);

    /// <summary>The status as pages show it: 逾期 in place of 待报送 once overdue.</summary>
    public string StatusLabel(DateOnly todayInBeijing) =>
        IsOverdue(todayInBeijing) ? FilingStatusLabels.Overdue : Status.ToChinese();

    /// <summary>Whether the parties should be reminded today (7 days before and on the due date).</summary>
    public bool IsReminderDue(DateOnly todayInBeijing) =>
        Status == FilingStatus.Pending && FilingDueDate.IsReminderDay(DueDate, todayInBeijing);

    /// <summary>待报送 → 已报送, by either party (both are obliged to inform the bureau).</summary>
    public void Submit(AgreementActor by, string? note = null)
    {
        by.EnsureKnown();
        Machine.Fire(Trigger.Submit);
        FirstSubmittedAtUtc = by.AtUtc;
        Record(by.AtUtc, by.UserId, by.Party, FilingStatus.Pending, note);
    }

    /// <summary>退回补正 → 已报送 after the parties corrected what the regulator asked for.</summary>
    public void Resubmit(AgreementActor by, string? note = null)
    {
        by.EnsureKnown();
        Machine.Fire(Trigger.Resubmit);
        Record(by.AtUtc, by.UserId, by.Party, FilingStatus.Returned, note);
    }

    /// <summary>已报送 → 已受理, by a county regulator of this filing's bureau and county.</summary>
    public void Accept(RoleAssignment reviewer, Guid userId, DateTimeOffset atUtc)
    {
        RequireReviewer(reviewer, userId);
        Machine.Fire(Trigger.Accept);
        ReviewedAtUtc = UtcTimestamp.Normalize(atUtc);
        ReturnReason = null;
        Record(ReviewedAtUtc.Value, userId, null, FilingStatus.Submitted, null);
    }

    /// <summary>已报送 → 退回补正 with the regulator's reason.</summary>
    public void Return(RoleAssignment reviewer, Guid userId, DateTimeOffset atUtc, string reason)
    {
        RequireReviewer(reviewer, userId);
        Machine.EnsureCanFire(Trigger.Return);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写退回补正的理由。");
        }

        Machine.Fire(Trigger.Return);
        ReviewedAtUtc = UtcTimestamp.Normalize(atUtc);
        ReturnReason = reason.Trim();
        Record(ReviewedAtUtc.Value, userId, null, FilingStatus.Submitted, ReturnReason);
    }

    private static string TriggerLabel(Trigger trigger) => trigger switch
    {
        Trigger.Submit => "报送",
        Trigger.Accept => "受理",
        Trigger.Return => "退回补正",
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
        if (reviewer.Role != PortalRole.Regulator || reviewer.Bureau != Bureau || reviewer.CountyId != CountyId)
        {
            throw new DomainException("只有本区县对应部门的监管人员可以审核该备案。");
        }
    }

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
