using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fees;

/// <summary>Issue 15: the home records a payment, the clinic confirms or disputes it; what is refused, and where.</summary>
public class FeePaymentTests
{
    /// <summary>2026-04-10 10:00 Beijing, inside the first half of the first agreement year.</summary>
    private static readonly DateTimeOffset April = new(2026, 4, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly Agreement _agreement = Effective();

    private static PaymentEntry Entry(
        int? year = 1, InstalmentHalf? half = InstalmentHalf.First, DateOnly? paidOn = null, decimal? amount = 6_000m,
        PaymentMethod? method = PaymentMethod.BankTransfer, string? reference = "转账流水 20260408-0017", string? explanation = null) =>
        new(year, half, paidOn ?? new DateOnly(2026, 4, 8), amount, method, reference, explanation);

    private IReadOnlyList<FieldError> Problems(PaymentEntry entry, params FeePayment[] existing) =>
        FeePayment.Problems(_agreement, [], entry, Elder(April), existing);

    private FeePayment Paid(PaymentEntry? entry = null, params FeePayment[] existing) =>
        FeePayment.Record(_agreement, [], entry ?? Entry(), Elder(April), existing);

    [Fact]
    public void Record_TheInstalmentsAmount_IsPendingWithTheDueAmount()
    {
        var payment = Paid();

        Assert.Equal((FeePaymentStatus.Pending, 6_000m, 6_000m, 1, InstalmentHalf.First),
            (payment.Status, payment.Amount.Yuan, payment.DueAmount.Yuan, payment.AgreementYear, payment.Half));
        Assert.Equal(_agreement.MedicalInstitutionId, payment.MedicalInstitutionId);
    }

    [Fact]
    public void ADifferentAmount_NeedsAnExplanation()
    {
        Assert.Equal(nameof(PaymentEntry.Explanation), Assert.Single(Problems(Entry(amount: 5_000m))).Field);
        Assert.Empty(Problems(Entry(amount: 5_000m, explanation: "经双方协商，本期减免 1,000 元")));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6000.001)]
    [InlineData(12000.01)]
    [InlineData(99999999)]
    public void NegativeZeroFractionalOrAbsurdAmounts_AreRefusedAtTheAmount(decimal amount) =>
        Assert.Equal(nameof(PaymentEntry.Amount), Assert.Single(Problems(Entry(amount: amount, explanation: "说明"))).Field);

    [Fact]
    public void AFutureDate_OrOneBeforeTheAgreementTookEffect_IsRefusedAtTheDate()
    {
        Assert.Equal(nameof(PaymentEntry.PaidOn), Assert.Single(Problems(Entry(paidOn: new DateOnly(2026, 4, 11)))).Field);
        Assert.Equal(nameof(PaymentEntry.PaidOn), Assert.Single(Problems(Entry(paidOn: new DateOnly(2026, 2, 20)))).Field);
    }

    [Fact]
    public void AnInstalmentNotInTheTerms_IsRefused() =>
        Assert.Equal(FeePayment.InstalmentField, Assert.Single(Problems(Entry(year: 2))).Field);

    [Fact]
    public void PayingAnInstalmentTwice_IsRefused_WhetherPendingOrConfirmed()
    {
        var first = Paid();
        Assert.Equal(FeePayment.InstalmentField, Assert.Single(Problems(Entry(), first)).Field);

        first.Confirm(_agreement, Medic(April));
        Assert.Equal(FeePayment.InstalmentField, Assert.Single(Problems(Entry(), first)).Field);
    }

    [Fact]
    public void PersonalDataInTheReference_IsRefused() =>
        Assert.Equal(nameof(PaymentEntry.Reference), Assert.Single(Problems(Entry(reference: "经办人 13800138000"))).Field);

    [Fact]
    public void TheClinic_CannotRecordAPayment()
    {
        var problems = FeePayment.Problems(_agreement, [], Entry(), Medic(April), []);

        Assert.Equal(string.Empty, Assert.Single(problems).Field);
        Assert.Throws<DomainException>(() => FeePayment.Record(_agreement, [], Entry(), Medic(April), []));
    }

    [Fact]
    public void TheClinic_Confirms_AndAConfirmedPaymentNeverChanges()
    {
        var payment = Paid();

        payment.Confirm(_agreement, Medic(April));

        Assert.Equal(FeePaymentStatus.Confirmed, payment.Status);
        Assert.Throws<DomainException>(() => payment.Dispute(_agreement, Medic(April), "未到账"));
        Assert.Throws<DomainException>(() => payment.Confirm(_agreement, Medic(April)));
    }

    [Fact]
    public void TheHome_CannotConfirmItsOwnPayment() =>
        Assert.Throws<DomainException>(() => Paid().Confirm(_agreement, Elder(April)));

    [Fact]
    public void ADispute_NeedsAReason_AndTheNextEntryReplacesTheDisputedOne()
    {
        var payment = Paid();
        Assert.Throws<DomainException>(() => payment.Dispute(_agreement, Medic(April), " "));

        payment.Dispute(_agreement, Medic(April), "未收到该笔转账");
        var again = Paid(Entry(reference: "转账流水 20260409-0003"), payment);

        Assert.Equal(payment.Id, again.CorrectsPaymentId);
        Assert.Equal([again], FeeInstalments.Standing([payment, again]));
        Assert.False(FeeInstalments.Of(_agreement, [])[0].IsOverdueOn(new DateOnly(2026, 9, 1), again));
    }
}
