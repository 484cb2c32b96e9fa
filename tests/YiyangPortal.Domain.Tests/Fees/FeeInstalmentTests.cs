using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fees;

/// <summary>
/// ADR 035: 附件1 "年度健康服务费从合作开始起分两次支付，分别是上、下半年各一次" — two instalments per agreement year,
/// counted from the term's first day, each due on its half-year's last day.
/// </summary>
public class FeeInstalmentTests
{
    [Fact]
    public void AOneYearTerm_HasAFirstAndASecondHalf_DueAtTheEndOfEach()
    {
        // ConsortiumTerms: 12,000 元 a year, 2026-03-01 to 2027-02-28.
        var instalments = FeeInstalments.Of(Effective(), []);

        Assert.Equal(
            [
                new FeeInstalment(1, InstalmentHalf.First, new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 31), Money.FromYuan(6_000m), Money.FromYuan(12_000m)),
                new FeeInstalment(1, InstalmentHalf.Second, new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28), Money.FromYuan(6_000m), Money.FromYuan(12_000m)),
            ],
            instalments);
    }

    [Fact]
    public void ATermEndedEarly_KeepsOnlyTheHalvesItReached_DueOnItsLastDay()
    {
        var agreement = Effective();
        TerminateByAgreement(agreement, Elder(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero)));

        var only = Assert.Single(FeeInstalments.Of(agreement, []));

        Assert.Equal((InstalmentHalf.First, agreement.ServiceDays()!.Value.To), (only.Half, only.DueOn));
    }

    [Fact]
    public void ProjectCooperation_WithoutAnAnnualFee_HasNoInstalments() =>
        Assert.Empty(FeeInstalments.Of(Effective(AgreementTemplate.ProjectCooperation), []));

    [Fact]
    public void ADraft_HasNoInstalments_AndNobodyMayPay()
    {
        var draft = Draft();

        Assert.Empty(FeeInstalments.Of(draft, []));
        Assert.False(draft.May(AgreementParty.ElderCare, AgreementAction.RecordPayment));
    }

    [Fact]
    public void OnlyTheHomePays_AndOnlyTheClinicConfirms()
    {
        var agreement = Effective();

        Assert.True(agreement.May(AgreementParty.ElderCare, AgreementAction.RecordPayment));
        Assert.False(agreement.May(AgreementParty.Medical, AgreementAction.RecordPayment));
        Assert.True(agreement.May(AgreementParty.Medical, AgreementAction.ConfirmPayment));
        Assert.False(agreement.May(AgreementParty.ElderCare, AgreementAction.ConfirmPayment));
    }

    [Fact]
    public void AnInstalment_IsOverdue_TheDayAfterItsDueDay_UnlessAPaymentStands()
    {
        var first = FeeInstalments.Of(Effective(), [])[0];

        Assert.False(first.IsOverdueOn(new DateOnly(2026, 8, 31), null));
        Assert.True(first.IsOverdueOn(new DateOnly(2026, 9, 1), null));
    }
}
