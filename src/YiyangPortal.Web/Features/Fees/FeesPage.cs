using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>One instalment on the page: what the terms ask, the payment that stands for it, and whether it is late.</summary>
public sealed record InstalmentLine(FeeInstalment Instalment, FeePayment? Standing, bool Overdue);

/// <summary>
/// 费用 of one agreement: the 年度健康服务费 instalments with their payments, every payment ever recorded (disputed and
/// replaced ones included), and the forms the user's side may use (the aggregate says which, <see cref="Agreement.May"/>).
/// </summary>
public sealed record FeesPage(
    Agreement Agreement,
    string ElderCareName,
    string MedicalName,
    IReadOnlyList<InstalmentLine> Lines,
    IReadOnlyList<FeePayment> Payments,
    IReadOnlySet<Guid> Replaced,
    DateOnly Today,
    bool CanPay,
    bool CanConfirm,
    FeePaymentForm Form)
{
    public string Url => $"~/agreements/{Agreement.Id}/fees";

    /// <summary>The instalments the home may still pay: never paid, or whose payment was disputed.</summary>
    public IEnumerable<InstalmentLine> Payable => Lines.Where(l => l.Standing is null or { Status: FeePaymentStatus.Disputed });
}
