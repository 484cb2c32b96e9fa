using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>One instalment on the page: what the terms ask, the payment that stands for it, and whether it is late.</summary>
public sealed record InstalmentLine(FeeInstalment Instalment, FeePayment? Standing, bool Overdue)
{
    /// <summary>What the instalment asks: a pending or confirmed payment's recorded due amount, else the derived one (ADR 045).</summary>
    public Money Due => Instalment.DueWith(Standing);

    /// <summary>The 补充协议 that set <see cref="Due"/>, shown next to it; null for the original's amount.</summary>
    public FeeSource? ChangedBy => Due == Instalment.Amount ? Instalment.ChangedBy : null;

    /// <summary>A payment stands at a due amount a later 补充协议 changed: it stays as recorded, the page says what is now derived.</summary>
    public bool PaidBeforeChange => Due != Instalment.Amount;
}

/// <summary>
/// 费用 of one agreement: the 年度健康服务费 instalments with their payments, every payment ever recorded (disputed and
/// replaced ones included), and the forms the user's side may use (the aggregate says which, <see cref="Agreement.May"/>).
/// </summary>
public sealed record FeesPage(
    Agreement Agreement,
    string ElderCareName,
    string MedicalName,
    IReadOnlyList<InstalmentLine> Lines,
    IReadOnlyList<WaivedHalf> Waived,
    IReadOnlyList<FeePayment> Payments,
    IReadOnlySet<Guid> Replaced,
    DateOnly Today,
    bool CanPay,
    bool CanConfirm,
    FeePaymentForm Form)
{
    public string Url => $"~/agreements/{Agreement.Id}/fees";

    /// <summary>The 合作经费 items agreed now: 甲方 pays them for the services given (<see cref="Agreement.IsCooperationFeeItem"/>).</summary>
    public IReadOnlyList<AgreedItem> CooperationItems { get; init; } = [];

    /// <summary>Their yearly estimate, as the signed text's 费用汇总 states it.</summary>
    public Money CooperationEstimate =>
        CooperationItems.Select(i => i.Item.YearlyEstimate).OfType<Money>().Aggregate(Money.Zero, (sum, m) => sum + m);

    /// <summary>
    /// The last instalment: its version's 年度健康服务费 is the one the halves to come are paid from, so the page's headline
    /// states it and, when a 补充协议 set it, names that supplement (ADR 045).
    /// </summary>
    public FeeInstalment? Latest => Lines.Count == 0 ? null : Lines[^1].Instalment;

    /// <summary>The table's rows by half-year: each instalment, or a half a 补充协议 waived (one of the two is set).</summary>
    public IEnumerable<(InstalmentLine? Line, WaivedHalf? Waived)> Rows =>
        Lines.Select(l => (l.Instalment.PeriodStart, Row: ((InstalmentLine?)l, (WaivedHalf?)null)))
            .Concat(Waived.Select(w => (w.PeriodStart, Row: ((InstalmentLine?)null, (WaivedHalf?)w))))
            .OrderBy(r => r.PeriodStart).Select(r => r.Row);

    /// <summary>
    /// The supplement that waived the term's last half, with the day from which nothing is due: the headline says so
    /// instead of leaving the last fee stated as if it went on.
    /// </summary>
    public WaivedHalf? WaivedToTheEnd =>
        Waived.FirstOrDefault(w => Lines.Count == 0 || w.PeriodStart > Lines[^1].Instalment.PeriodStart);

    /// <summary>The instalments the home may still pay: never paid, or whose payment was disputed.</summary>
    public IEnumerable<InstalmentLine> Payable => Lines.Where(l => l.Standing is null or { Status: FeePaymentStatus.Disputed });
}
