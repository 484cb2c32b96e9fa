using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Tenancy;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15, ADR 035: a record still 待确认 after the tenant's window is 逾期未确认, never accepted by default.</summary>
public class ConfirmationWindowTests
{
    private readonly ServiceRecord _record = Pending(InForce());

    private static ServiceRecord Pending(Domain.Agreements.Agreement agreement)
    {
        var doctor = Doctor();
        return Recorded(agreement, Delivery(Item(agreement, "血压测量"), doctor), doctor);
    }

    private static bool Overdue(ServiceRecord record, DateTimeOffset now, int days) =>
        ConfirmationWindow.Overdue(ConfirmationWindow.Cutoff(now, days)).Compile()(record);

    [Fact]
    public void APendingRecord_IsOverdue_OnceItsRecordedTimePlusTheWindowHasPassed()
    {
        // Recorded at Later (2026-05-20 10:00 Beijing); a 15-day window ends 2026-06-04 10:00.
        Assert.Equal(Later.AddDays(15), ConfirmationWindow.AnswerDueAt(_record, 15));
        Assert.False(Overdue(_record, Later.AddDays(15), 15));
        Assert.True(Overdue(_record, Later.AddDays(15).AddMinutes(1), 15));
        Assert.False(Overdue(_record, Later.AddDays(15).AddMinutes(1), 30));
    }

    [Fact]
    public void AnAnsweredRecord_IsNeverOverdue()
    {
        var agreement = InForce();
        var mine = Pending(agreement);
        mine.Confirm(agreement, Agreements.AgreementFixture.Elder(Later));

        Assert.True(Overdue(_record, Later.AddDays(40), 15));
        Assert.False(Overdue(mine, Later.AddDays(40), 15));
        Assert.Equal(ServiceRecordStatus.Confirmed, mine.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public void TheWindow_OutsideOneToNinetyDays_IsRefused(int days) =>
        Assert.Throws<DomainException>(() => new Tenant("test-city", "测试市", "339900").SetServiceConfirmationDays(days));

    [Fact]
    public void ANewCity_Has15Days_AndMayChooseAnotherWindow()
    {
        var tenant = new Tenant("test-city", "测试市", "339900");
        Assert.Equal(15, tenant.ServiceConfirmationDays);

        tenant.SetServiceConfirmationDays(90);

        Assert.Equal(90, tenant.ServiceConfirmationDays);
    }
}
