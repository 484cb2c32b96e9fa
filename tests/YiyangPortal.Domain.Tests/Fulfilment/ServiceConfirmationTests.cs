using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15: the home confirms or disputes; an answered record never changes, a correction replaces it.</summary>
public class ServiceConfirmationTests
{
    private readonly Agreement _agreement = InForce();
    private readonly StaffMember _doctor = Doctor();

    private ServiceRecord Pending(DateOnly? date = null) =>
        Recorded(_agreement, Delivery(Item(_agreement, "血压测量"), _doctor, date), _doctor);

    [Fact]
    public void Confirm_ByTheHome_Counts()
    {
        var record = Pending();

        record.Confirm(_agreement, Elder(Later));

        Assert.Equal(ServiceRecordStatus.Confirmed, record.Status);
        Assert.Equal(ElderUser, record.AnsweredByUserId);
    }

    [Fact]
    public void Confirm_ByTheClinic_IsRefused() =>
        Assert.Throws<DomainException>(() => Pending().Confirm(_agreement, Medic(Later)));

    [Fact]
    public void Confirm_AgainstAnotherAgreement_IsRefused() =>
        Assert.Throws<DomainException>(() => Pending().Confirm(InForce(), Elder(Later)));

    [Fact]
    public void Dispute_NeedsAReason()
    {
        var record = Pending();

        Assert.Throws<DomainException>(() => record.Dispute(_agreement, Elder(Later), "  "));
        record.Dispute(_agreement, Elder(Later), "当天未见医生到院");

        Assert.Equal((ServiceRecordStatus.Disputed, "当天未见医生到院"), (record.Status, record.DisputeReason));
    }

    [Fact]
    public void ConfirmedRecord_CannotBeAnsweredAgain()
    {
        var record = Pending();
        record.Confirm(_agreement, Elder(Later));

        var refused = Assert.Throws<DomainException>(() => record.Dispute(_agreement, Elder(Later), "记错了"));

        Assert.Contains("已确认，不能再更改", refused.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => record.Confirm(_agreement, Elder(Later)));
    }

    [Fact]
    public void Correction_ReplacesTheDisputedRecord_InTheCount()
    {
        var disputed = Pending();
        disputed.Dispute(_agreement, Elder(Later), "人数不对");

        var correction = ServiceRecord.Correct(
            AgreedItems.Of(_agreement), disputed, Delivery(Item(_agreement, "血压测量"), _doctor, residents: 8), _doctor, Medic(Later), [disputed]);
        correction.Confirm(_agreement, Elder(Later));

        Assert.Equal(disputed.Id, correction.CorrectsRecordId);
        var may = FulfilmentSummary.Of(ServicePlan.Of(_agreement), [disputed, correction]).Single(l => l.Plan.ItemName == "血压测量" && l.Plan.Period.Start == Day(5, 1));
        Assert.Equal((1, 1, 0), (may.Recorded, may.Confirmed, may.Disputed));
        Assert.Equal(ServiceRecordStatus.Disputed, disputed.Status);
    }

    [Fact]
    public void Correction_OfAPendingRecord_OrTwice_IsRefused()
    {
        var pending = Pending();
        Assert.Throws<DomainException>(() => ServiceRecord.Correct(
            AgreedItems.Of(_agreement), pending, Delivery(Item(_agreement, "血压测量"), _doctor), _doctor, Medic(Later), [pending]));

        pending.Confirm(_agreement, Elder(Later));
        var first = ServiceRecord.Correct(AgreedItems.Of(_agreement), pending, Delivery(Item(_agreement, "血压测量"), _doctor, residents: 3), _doctor, Medic(Later), [pending]);
        Assert.Throws<DomainException>(() => ServiceRecord.Correct(
            AgreedItems.Of(_agreement), pending, Delivery(Item(_agreement, "血压测量"), _doctor, residents: 4), _doctor, Medic(Later), [pending, first]));
    }

    [Fact]
    public void Summary_ShowsAShortfall_OnlyOnceThePeriodIsOver()
    {
        var records = new[] { Pending(Day(4, 3)), Pending(Day(4, 10)), Pending(Day(5, 4)) };
        records[0].Confirm(_agreement, Elder(Later));
        records[1].Dispute(_agreement, Elder(Later), "未到院");

        var lines = FulfilmentSummary.Of(ServicePlan.Of(_agreement), records).Where(l => l.Plan.ItemName == "血压测量").ToList();
        var april = lines.Single(l => l.Plan.Period.Start == Day(4, 1));
        var may = lines.Single(l => l.Plan.Period.Start == Day(5, 1));

        Assert.Equal((4, 2, 1, 0, 1, 3), (april.Plan.AgreedCount, april.Recorded, april.Confirmed, april.Pending, april.Disputed, april.Shortfall));
        Assert.True(april.IsShortOn(Day(5, 20)));
        Assert.False(may.IsShortOn(Day(5, 20)));
        Assert.Equal(1, may.Pending);
    }
}
