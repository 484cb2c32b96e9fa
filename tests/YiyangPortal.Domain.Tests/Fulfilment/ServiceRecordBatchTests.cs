using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15, the month grid and the import: several rows judged by the one-record rule, all or none.</summary>
public class ServiceRecordBatchTests
{
    private readonly Agreement _agreement = InForce();
    private readonly StaffMember _doctor = Doctor();

    private Dictionary<Guid, StaffMember> Roster => new() { [_doctor.Id] = _doctor };

    private ServiceDelivery Row(DateOnly? date = null, string? notes = null) =>
        Delivery(Item(_agreement, "血压测量"), _doctor, date, notes: notes);

    [Fact]
    public void ValidRows_AreAllRecordedPending()
    {
        var batch = ServiceRecordBatch.Check(AgreedItems.Of(_agreement), [Row(Day(5, 11)), Row(Day(5, 12))], Roster, Medic(Later), []);

        Assert.True(batch.Valid);
        Assert.Equal(2, batch.Records.Count);
        Assert.All(batch.Records, r => Assert.Equal(ServiceRecordStatus.Pending, r.Status));
    }

    [Fact]
    public void OneBadRow_MakesTheWholeBatchInvalid_WithTheProblemOnItsRow()
    {
        var batch = ServiceRecordBatch.Check(
            AgreedItems.Of(_agreement), [Row(Day(5, 11)), Row(Day(5, 21)), Row(Day(5, 12), notes: "身份证 330602195001011234")], Roster, Medic(Later), []);

        Assert.False(batch.Valid);
        Assert.Empty(batch.RowProblems[0]);
        Assert.Equal(nameof(ServiceDelivery.ServiceDate), Assert.Single(batch.RowProblems[1]).Field);
        Assert.Equal(nameof(ServiceDelivery.Notes), Assert.Single(batch.RowProblems[2]).Field);
    }

    [Fact]
    public void ARowRepeatingAnother_OrAStoredRecord_IsADuplicate()
    {
        var stored = Recorded(_agreement, Row(Day(5, 10)), _doctor);

        var batch = ServiceRecordBatch.Check(AgreedItems.Of(_agreement), [Row(Day(5, 11)), Row(Day(5, 11)), Row(Day(5, 10))], Roster, Medic(Later), [stored]);

        Assert.Empty(batch.RowProblems[0]);
        Assert.Contains("不能重复登记", Assert.Single(batch.RowProblems[1]).Text.ToString(), StringComparison.Ordinal);
        Assert.Contains("不能重复登记", Assert.Single(batch.RowProblems[2]).Text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemNotInTheAgreement_AndStaffNotOnTheRoster_AreRefusedAtTheirCells()
    {
        var batch = ServiceRecordBatch.Check(
            AgreedItems.Of(_agreement), [Row(Day(5, 11)) with { AgreementItemId = Guid.NewGuid() }, Row(Day(5, 12)) with { StaffMemberId = Guid.NewGuid() }],
            Roster, Medic(Later), []);

        Assert.Contains(batch.RowProblems[0], p => p.Field == nameof(ServiceDelivery.AgreementItemId));
        Assert.Contains(batch.RowProblems[1], p => p.Field == nameof(ServiceDelivery.StaffMemberId));
    }

    [Fact]
    public void TheElderCareSide_CannotRecordABatch()
    {
        var batch = ServiceRecordBatch.Check(AgreedItems.Of(_agreement), [Row(Day(5, 11))], Roster, Elder(Later), []);

        Assert.False(batch.Valid);
        Assert.Empty(batch.Records);
    }

    [Fact]
    public void MoreThanTheLimit_IsRefused() =>
        Assert.Throws<DomainException>(() => ServiceRecordBatch.Check(
            AgreedItems.Of(_agreement), Enumerable.Repeat(Row(Day(5, 11)), ServiceRecordBatch.MaxRows + 1).ToList(), Roster, Medic(Later), []));
}

/// <summary>Issue 15, 签到表: a PDF, JPEG or PNG by its bytes, on a pending record, once, by the medical side.</summary>
public class ServiceRecordAttachmentTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), 1, 2, 3];

    private readonly Agreement _agreement = InForce();
    private readonly StaffMember _doctor = Doctor();

    private ServiceRecord Pending() => Recorded(_agreement, Delivery(Item(_agreement, "血压测量"), _doctor, Day(5, 11)), _doctor);

    [Fact]
    public void APdfScan_IsAttached_WithTheSniffedTypeAndASafeName()
    {
        var record = Pending();

        var sheet = ServiceRecordAttachment.Attach(_agreement, record, "../签到表<script>.html", Pdf, Medic(Later), hasOne: false);

        Assert.Equal(("application/pdf", record.Id, record.ServiceDate), (sheet.ContentType, sheet.ServiceRecordId, sheet.ServiceDate));
        Assert.EndsWith(".pdf", sheet.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("<", sheet.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlNamedPdf_IsRefused_ByItsBytes() =>
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, Pending(), "<html><script>alert(1)</script>"u8.ToArray(), Medic(Later), hasOne: false));

    [Fact]
    public void OversizedEmptyOrSecond_AreRefused()
    {
        var record = Pending();
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, record, [.. Pdf, .. new byte[ServiceRecordAttachment.MaxBytes]], Medic(Later), false));
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, record, [], Medic(Later), false));
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, record, Pdf, Medic(Later), hasOne: true));
    }

    [Fact]
    public void TheHome_OrAnAnsweredRecord_CannotHaveOneAdded()
    {
        var record = Pending();
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, record, Pdf, Elder(Later), false));
        record.Confirm(_agreement, Elder(Later));
        Assert.NotNull(ServiceRecordAttachment.Problem(_agreement, record, Pdf, Medic(Later), false));
        Assert.Throws<DomainException>(() => ServiceRecordAttachment.Attach(_agreement, record, "a.pdf", Pdf, Medic(Later), false));
    }
}
