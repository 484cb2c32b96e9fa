using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 服务项目 in an agreement: a snapshot of the catalogue item and its fee-schedule price, plus the agreed
/// frequency and the medical side's review of it. Only <see cref="Agreement"/> changes it.
/// </summary>
public sealed class AgreementItem
{
    private AgreementItem()
    {
        Name = string.Empty;
    }

    internal AgreementItem(ServiceItemSnapshot snapshot, int frequency)
    {
        Id = Guid.CreateVersion7();
        ServiceItemId = snapshot.ServiceItemId;
        FeeScheduleEntryId = snapshot.FeeScheduleEntryId;
        Category = snapshot.Category;
        Name = string.IsNullOrWhiteSpace(snapshot.Name)
            ? throw new DomainException("服务项目名称不能为空。")
            : snapshot.Name.Trim();
        Unit = snapshot.Unit;
        Funding = snapshot.Funding;
        Clause = snapshot.Clause;
        SetValues(frequency, snapshot.UnitPrice);
        ReviewState = ItemReviewState.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ServiceItemId { get; private set; }

    /// <summary>The 收费标准 entry the price was copied from; never followed live.</summary>
    public Guid? FeeScheduleEntryId { get; private set; }

    public ServiceCategory Category { get; private set; }

    public string Name { get; private set; }

    public ServiceUnit Unit { get; private set; }

    public Funding Funding { get; private set; }

    /// <summary>
    /// The clause the item is bound to: 附件1 一/二 whose number its frequency repeats (坐诊, 查房), a minimum (附件2 二.3,
    /// 2020 guide 三(一)) or a precondition (三(十二)); null for other items. See <see cref="TemplateClause"/>.
    /// </summary>
    public TemplateClause? Clause { get; private set; }

    /// <summary>元 per unit; null when the item costs the elder nothing under this agreement.</summary>
    public Money? UnitPrice { get; private set; }

    /// <summary>Times per the unit's period; see <see cref="ItemFrequency"/>. 0 only while drafting.</summary>
    public int Frequency { get; private set; }

    public ItemReviewState ReviewState { get; private set; }

    public int? ProposedFrequency { get; private set; }

    public Money? ProposedUnitPrice { get; private set; }

    /// <summary>The medical side's reason for a rejection or a proposed change.</summary>
    public string? ReviewReason { get; private set; }

    public bool HasOpenProposal => ReviewState == ItemReviewState.ChangeProposed;

    public int YearlyQuantity => Frequency * ItemFrequency.PeriodsPerYear(Unit);

    /// <summary>Estimated 元 a year (price × frequency × periods per year); null when the item has no price.</summary>
    public Money? YearlyEstimate => UnitPrice is { } price ? price * YearlyQuantity : null;

    /// <summary>"测血压：4 次/月，单价 10.00 元" — how review history records the item's values.</summary>
    public string Describe() => Describe(Frequency, UnitPrice);

    internal void Edit(int frequency, Money? unitPrice)
    {
        SetValues(frequency, unitPrice);
        ClearReview();
    }

    internal void Approve()
    {
        ClearReview();
        ReviewState = ItemReviewState.Approved;
    }

    internal void Reject(string reason)
    {
        ClearReview();
        ReviewState = ItemReviewState.Rejected;
        ReviewReason = reason;
    }

    internal void ProposeChange(int? frequency, Money? unitPrice, string reason)
    {
        if (frequency is null && unitPrice is null)
        {
            throw new DomainException("修改建议须给出新的频次或单价。");
        }

        var newFrequency = frequency ?? Frequency;
        var newPrice = unitPrice ?? UnitPrice;
        CheckValues(newFrequency, newPrice);
        if (newFrequency == Frequency && newPrice == UnitPrice)
        {
            throw new DomainException("修改建议与原内容相同。");
        }

        ReviewState = ItemReviewState.ChangeProposed;
        ProposedFrequency = frequency;
        ProposedUnitPrice = unitPrice;
        ReviewReason = reason;
    }

    /// <summary>The elder-care side takes the medical side's proposal: the item is then agreed as proposed.</summary>
    internal void AcceptProposal()
    {
        if (!HasOpenProposal)
        {
            throw new DomainException("服务项目“{0}”没有待处理的修改建议。", Name);
        }

        SetValues(ProposedFrequency ?? Frequency, ProposedUnitPrice ?? UnitPrice);
        Approve();
    }

    internal string DescribeProposal() =>
        Describe(ProposedFrequency ?? Frequency, ProposedUnitPrice ?? UnitPrice);

    internal AgreementItem CopyForNewDraft() =>
        new(new ServiceItemSnapshot(ServiceItemId, FeeScheduleEntryId, Category, Name, Unit, Funding, UnitPrice, Clause), Frequency);

    private string Describe(int frequency, Money? price) => $"{Name}：{DescribeValues(frequency, price)}";

    /// <summary>"4 次/月，单价 10.00 元" — the agreed values without the name.</summary>
    internal string DescribeValues() => DescribeValues(Frequency, UnitPrice);

    private string DescribeValues(int frequency, Money? price) =>
        $"{ItemFrequency.Format(frequency, Unit)}，" + (price is { } p ? $"单价 {p} 元" : "不收费");

    private void SetValues(int frequency, Money? unitPrice)
    {
        CheckValues(frequency, unitPrice);
        Frequency = frequency;
        UnitPrice = unitPrice;
    }

    public const int MaxFrequency = 1000;

    /// <summary>Why the clause this item belongs to does not allow <paramref name="frequency"/>, or null.</summary>
    public DomainMessage? FrequencyProblem(int frequency) => Clause.FrequencyProblem(Name, frequency, Unit);

    private void CheckValues(int frequency, Money? unitPrice)
    {
        if (frequency < 0)
        {
            throw new DomainException("频次不能为负数。");
        }

        // A frequency beyond this is a typing error, and would overflow the yearly estimate.
        if (frequency > MaxFrequency)
        {
            throw new DomainException("频次不能超过 {0}。", MaxFrequency);
        }

        // 附件2 二.3 每年不少于 4 次随访; 2020 guide 三(一) 医养结合服务每年两次: a minimum, so refused (ADR 026).
        if (FrequencyProblem(frequency) is { } problem)
        {
            throw new DomainException(problem);
        }

        // 2020 guide 五(二): eligible basic public-health services are paid by the health bureau, not the elder.
        // A 0.00 price (as a fee schedule may carry for such items) is accepted: it charges nothing either.
        if (Funding == Funding.BasicPublicHealth && unitPrice is { } price && price > Money.Zero)
        {
            throw new DomainException("“{0}”属于基本公共卫生服务，由卫生健康部门拨付经费，不应填写单价。", Name);
        }
    }

    private void ClearReview()
    {
        ReviewState = ItemReviewState.Pending;
        ProposedFrequency = null;
        ProposedUnitPrice = null;
        ReviewReason = null;
    }
}
