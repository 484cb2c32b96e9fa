using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15, bad input: each wrong delivery is refused with a message keyed by its field.</summary>
public class ServiceRecordTests
{
    private readonly Agreement _agreement = InForce();
    private readonly StaffMember _doctor = Doctor();

    private IReadOnlyList<FieldError> Problems(ServiceDelivery delivery, StaffMember? staff = null, params ServiceRecord[] existing) =>
        ServiceRecord.Problems(AgreedItems.Of(_agreement), delivery, staff ?? _doctor, Medic(Later), existing);

    private ServiceDelivery Valid(string item = "血压测量", DateOnly? date = null, string? notes = null) =>
        Delivery(Item(_agreement, item), _doctor, date, notes: notes);

    [Fact]
    public void ValidDelivery_IsRecordedPending_WithTheStaffAsOnTheDay()
    {
        var record = Recorded(_agreement, Valid("坐诊咨询"), _doctor);

        Assert.Equal(ServiceRecordStatus.Pending, record.Status);
        Assert.Equal(("张医生", ProfessionalTitle.Intermediate, "坐诊咨询"), (record.StaffName, record.StaffTitle, record.ItemName));
        Assert.Equal((12, 120), (record.ResidentsServed, record.DurationMinutes));
        Assert.Equal(_agreement.TenantId, record.TenantId);
    }

    [Fact]
    public void DateInTheFuture_IsRefused() =>
        Assert.Equal(nameof(ServiceDelivery.ServiceDate), FieldOf(Problems(Valid(date: Day(5, 21)))));

    [Fact]
    public void DateBeforeTheTerm_IsRefused_NamingTheTerm()
    {
        var problem = Assert.Single(Problems(Valid(date: Day(2, 28))));

        Assert.Equal(nameof(ServiceDelivery.ServiceDate), problem.Field);
        Assert.Contains("2026-03-01 至 2027-02-28", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateAfterTermination_IsRefused()
    {
        TerminateByAgreement(_agreement, Medic(new DateTimeOffset(2026, 4, 30, 2, 0, 0, TimeSpan.Zero)));

        Assert.Equal(nameof(ServiceDelivery.ServiceDate), FieldOf(Problems(Valid(date: Day(5, 2)))));
        Assert.Empty(Problems(Valid(date: Day(4, 29))));
    }

    [Fact]
    public void MissingDate_IsRefused() =>
        Assert.Equal(nameof(ServiceDelivery.ServiceDate), FieldOf(Problems(Valid() with { ServiceDate = null })));

    [Fact]
    public void ItemNotInTheAgreement_IsRefused() =>
        Assert.Equal(nameof(ServiceDelivery.AgreementItemId), FieldOf(Problems(Valid() with { AgreementItemId = Guid.NewGuid() })));

    [Fact]
    public void TitleBelowWhatTheClauseRequires_IsRefused_NamingTheClause()
    {
        var junior = Doctor(ProfessionalTitle.Junior, "李医师");

        var problem = Assert.Single(Problems(Delivery(Item(_agreement, "坐诊咨询"), junior), junior));

        Assert.Equal(nameof(ServiceDelivery.StaffMemberId), problem.Field);
        Assert.Contains("中级职称及以上", problem.Message, StringComparison.Ordinal);
        Assert.Contains("李医师的职称为初级", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Problems(Delivery(Item(_agreement, "血压测量"), junior), junior));
        Assert.Empty(Problems(Delivery(Item(_agreement, "坐诊咨询"), Doctor(ProfessionalTitle.Senior)), Doctor(ProfessionalTitle.Senior)));
    }

    [Fact]
    public void StaffOfAnotherInstitution_OrLeft_IsRefused()
    {
        var other = new StaffMember(TenantId, Guid.NewGuid(), "王医生", ProfessionalTitle.Senior);
        var left = Doctor();
        left.Deactivate();

        Assert.Equal(nameof(ServiceDelivery.StaffMemberId), FieldOf(Problems(Delivery(Item(_agreement, "血压测量"), other), other)));
        Assert.Equal(nameof(ServiceDelivery.StaffMemberId), FieldOf(Problems(Delivery(Item(_agreement, "血压测量"), left), left)));
    }

    [Theory]
    [InlineData(-1, 60, nameof(ServiceDelivery.ResidentsServed))]
    [InlineData(2001, 60, nameof(ServiceDelivery.ResidentsServed))]
    [InlineData(null, 60, nameof(ServiceDelivery.ResidentsServed))]
    [InlineData(10, 0, nameof(ServiceDelivery.DurationMinutes))]
    [InlineData(10, 1441, nameof(ServiceDelivery.DurationMinutes))]
    [InlineData(10, null, nameof(ServiceDelivery.DurationMinutes))]
    public void NegativeOrAbsurdCounts_AreRefused(int? residents, int? minutes, string field) =>
        Assert.Equal(field, FieldOf(Problems(Valid() with { ResidentsServed = residents, DurationMinutes = minutes })));

    [Fact]
    public void NoResidentsServed_IsAllowed_ASessionNobodyCameTo() =>
        Assert.Empty(Problems(Valid() with { ResidentsServed = 0 }));

    [Theory]
    [InlineData("张某 330602195001011234 血压偏高")]
    [InlineData("身份证 33060219500101123X")]
    [InlineData("家属电话 138 0013 8000")]
    [InlineData("联系13800138000")]
    [InlineData("老证 330602500101123")]
    public void NotesThatLookLikeAnIdOrMobileNumber_AreRefused(string notes)
    {
        var problem = Assert.Single(Problems(Valid(notes: notes)));

        Assert.Equal(nameof(ServiceDelivery.Notes), problem.Field);
        Assert.Contains("只记人数", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12 人测血压，3 人偏高，已告知护理部")]
    [InlineData("2026-05-18 上午 9:00-11:00")]
    [InlineData("转诊 2 人；电话 0575-85123456")]
    public void OrdinaryNotes_AreTaken(string notes) => Assert.Empty(Problems(Valid(notes: notes)));

    [Fact]
    public void OverlongNotes_AreRefused() =>
        Assert.Equal(nameof(ServiceDelivery.Notes), FieldOf(Problems(Valid(notes: new string('记', 501)))));

    [Fact]
    public void SameItemDayAndStaff_IsADuplicate()
    {
        var first = Recorded(_agreement, Valid(), _doctor);

        var problem = Assert.Single(Problems(Valid(), null, first));

        Assert.Equal(nameof(ServiceDelivery.ServiceDate), problem.Field);
        Assert.Contains("不能重复登记", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Problems(Valid(date: Day(5, 17)), null, first));
        Assert.Empty(Problems(Valid("坐诊咨询"), null, first));
    }

    [Fact]
    public void TheElderCareSide_CannotRecord()
    {
        var problems = ServiceRecord.Problems(AgreedItems.Of(_agreement), Valid(), _doctor, Elder(Later), []);

        Assert.Equal(string.Empty, FieldOf(problems));
        Assert.Throws<DomainException>(() => ServiceRecord.Record(AgreedItems.Of(_agreement), Valid(), _doctor, Elder(Later), []));
    }
}
