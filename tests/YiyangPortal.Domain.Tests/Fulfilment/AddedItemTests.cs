using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>
/// ADR 044 (2020 guide 九(二)): the items agreed on a service day are those of the version in force that day — an
/// item a 补充协议 adds is planned and recorded from its day, one it drops no longer after it.
/// </summary>
public class AddedItemTests
{
    /// <summary>16 May 2026, 10:00 Beijing.</summary>
    private static readonly DateTimeOffset May16 = new(2026, 5, 16, 2, 0, 0, TimeSpan.Zero);

    private readonly Agreement _original = InForce();
    private readonly StaffMember _doctor = Doctor();

    /// <summary>A supplement in force from 16 May that adds 康复指导 4 次/月 and drops 血压测量.</summary>
    private Agreement AddingAndDropping(DateTimeOffset? at = null, Action<Agreement>? change = null)
    {
        var supplement = _original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 4);
        supplement.RemoveItem(Elder(), supplement.Items.Single(i => i.Name == "血压测量").Id);
        change?.Invoke(supplement);
        return SignedSupplement(_original, supplement, at ?? May16);
    }

    [Fact]
    public void Plan_AddedItem_OwesFromTheSupplementsDay_OnTheSupplementsItem()
    {
        var supplement = AddingAndDropping();

        var plan = ServicePlan.Of(_original, [supplement]);

        var added = Item(supplement, "康复指导");
        var lines = plan.Where(l => l.AgreementItemId == added.Id).ToDictionary(l => l.Period.Start, l => l.AgreedCount);
        Assert.DoesNotContain(Day(4, 1), lines.Keys);
        Assert.Equal(2, lines[Day(5, 1)]); // 4 × 16/31 = 2.06: the split month owes the added item's share of its days
        Assert.Equal(4, lines[Day(6, 1)]);
        Assert.Equal(10, lines.Count); // May 2026 to February 2027
        // The original's items first, then the added one.
        Assert.Equal(plan.Count - lines.Count, plan.TakeWhile(l => l.AgreementItemId != added.Id).Count());
    }

    [Fact]
    public void Plan_DroppedItem_OwesNothingAfterTheSupplementsDay()
    {
        var plan = ServicePlan.Of(_original, [AddingAndDropping()]);

        var pressure = plan.Where(l => l.AgreementItemId == Item(_original, "血压测量").Id).ToDictionary(l => l.Period.Start, l => l.AgreedCount);
        Assert.Equal(4, pressure[Day(4, 1)]);
        Assert.Equal(2, pressure[Day(5, 1)]); // 4 × 15/31
        Assert.DoesNotContain(Day(6, 1), pressure.Keys);
    }

    [Fact]
    public void ChangeWithin_NamesTheSupplementInThePeriodItSplits_AndNothingElsewhere()
    {
        var supplement = AddingAndDropping();
        var agreed = AgreedItems.Of(_original, [supplement]);
        var added = Item(supplement, "康复指导").Id;
        var dropped = Item(_original, "血压测量").Id;

        Assert.Equal("自 {0} 起按补充协议（{1}）增加|2026-05-16|S-1", Parts(agreed.ChangeWithin(added, Day(5, 1), Day(5, 31))));
        Assert.Equal("自 {0} 起按补充协议（{1}）取消|2026-05-16|S-1", Parts(agreed.ChangeWithin(dropped, Day(5, 1), Day(5, 31))));
        Assert.Null(agreed.ChangeWithin(added, Day(6, 1), Day(6, 30)));
        Assert.Null(agreed.ChangeWithin(dropped, Day(4, 1), Day(4, 30)));
        Assert.Null(agreed.ChangeWithin(Item(_original, "坐诊咨询").Id, Day(5, 1), Day(5, 31))); // unchanged

        static string Parts(DomainMessage? message) => string.Join('|', [message!.Template, .. message.Arguments]);
    }

    [Fact]
    public void LaterSupplement_StillHavingTheAddedItem_KeepsItsLine()
    {
        var first = AddingAndDropping();
        var second = _original.CreateSupplement(Elder(), "S-2", [first]);
        var rehab = second.Items.Single(i => i.Name == "康复指导");
        second.EditItem(Elder(), rehab.Id, 8, rehab.UnitPrice);
        SignedSupplement(_original, second, new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));

        var agreed = AgreedItems.Of(_original, [second, first]);

        var line = Item(first, "康复指导").Id;
        Assert.Equal(line, Assert.Single(agreed.On(Day(7, 10)), i => i.Name == "康复指导").LineItemId);
        Assert.Equal(8, Assert.Single(ServicePlan.Of(agreed), l => l.AgreementItemId == line && l.Period.Start == Day(7, 1)).AgreedCount);
        Assert.Equal(4, Assert.Single(ServicePlan.Of(agreed), l => l.AgreementItemId == line && l.Period.Start == Day(6, 1)).AgreedCount);
    }

    [Fact]
    public void Record_AddedItem_FromItsDay_IsKeptOnTheOriginal()
    {
        var supplement = AddingAndDropping();
        var agreed = AgreedItems.Of(_original, [supplement]);
        var added = Item(supplement, "康复指导");

        var record = ServiceRecord.Record(agreed, Delivery(added, _doctor, Day(5, 16)), _doctor, Medic(Later), []);

        Assert.Equal((_original.Id, added.Id, "康复指导"), (record.AgreementId, record.AgreementItemId, record.ItemName));
        var summary = FulfilmentSummary.Of(ServicePlan.Of(agreed), [record]).Single(l => l.Plan.AgreementItemId == added.Id && l.Plan.Period.Start == Day(5, 1));
        Assert.Equal(1, summary.Pending);
    }

    [Fact]
    public void Record_AddedItem_BeforeItsDay_IsRefusedAtTheItemField()
    {
        var supplement = AddingAndDropping();
        var agreed = AgreedItems.Of(_original, [supplement]);

        var problems = ServiceRecord.Problems(agreed, Delivery(Item(supplement, "康复指导"), _doctor, Day(5, 15)), _doctor, Medic(Later), []);

        var problem = Assert.Single(problems);
        Assert.Equal(nameof(ServiceDelivery.AgreementItemId), problem.Field);
        Assert.Equal("“康复指导”自 2026-05-16 起由补充协议（S-1）增加，2026-05-15 尚不在约定范围内，请核对服务日期或服务项目。", problem.Text.ToString());
        Assert.Throws<DomainException>(() =>
            ServiceRecord.Record(agreed, Delivery(Item(supplement, "康复指导"), _doctor, Day(5, 15)), _doctor, Medic(Later), []));
    }

    [Fact]
    public void Record_DroppedItem_AfterTheSupplementsDay_IsRefused_AndBeforeItIsRecorded()
    {
        var agreed = AgreedItems.Of(_original, [AddingAndDropping()]);
        var pressure = Item(_original, "血压测量");

        var refused = Assert.Single(ServiceRecord.Problems(agreed, Delivery(pressure, _doctor, Day(5, 16)), _doctor, Medic(Later), []));
        var before = ServiceRecord.Record(agreed, Delivery(pressure, _doctor, Day(5, 15)), _doctor, Medic(Later), []);

        Assert.Equal(nameof(ServiceDelivery.AgreementItemId), refused.Field);
        Assert.Equal("“血压测量”自 2026-05-16 起由补充协议（S-1）取消，2026-05-16 已不在约定范围内，请核对服务日期或服务项目。", refused.Text.ToString());
        Assert.Equal(pressure.Id, before.AgreementItemId);
    }

    [Fact]
    public void Conditions_ComeFromTheVersionInForceOnTheDay()
    {
        var supplement = AddingAndDropping(change: s => s.UpdateTerms(Elder(), s.Terms with { ClinicDoctorCount = 2 }));
        var agreed = AgreedItems.Of(_original, [supplement]);
        var sessions = Item(_original, "坐诊咨询").Id;

        Assert.Equal(1, agreed.On(Day(5, 15)).Single(i => i.LineItemId == sessions).DoctorCount);
        Assert.Equal(2, agreed.On(Day(5, 16)).Single(i => i.LineItemId == sessions).DoctorCount);
        Assert.Equal(2, ServicePlan.Of(agreed).Single(l => l.AgreementItemId == sessions && l.Period.Start == Day(6, 1)).DoctorCount);
        Assert.Equal(1, ServicePlan.Of(agreed).Single(l => l.AgreementItemId == sessions && l.Period.Start == Day(4, 1)).DoctorCount);
    }

    [Fact]
    public void Record_AddedClauseItem_ChecksItsTitle_OnlyFromItsDay()
    {
        var supplement = AddingAndDropping(change: s => s.AddItem(Elder(), new ServiceItemSnapshot(
            Guid.NewGuid(), null, ServiceCategory.DiagnosisAndTreatment, "医疗查房", ServiceUnit.TimesPerMonth, Funding.CooperationFee, null,
            TemplateClause.WardRounds), 2));
        var agreed = AgreedItems.Of(_original, [supplement]);
        var rounds = Item(supplement, "医疗查房");
        var junior = Doctor(ProfessionalTitle.Junior, "王医生");

        var after = Assert.Single(ServiceRecord.Problems(agreed, Delivery(rounds, junior, Day(5, 18)), junior, Medic(Later), []));
        var before = Assert.Single(ServiceRecord.Problems(agreed, Delivery(rounds, junior, Day(5, 12)), junior, Medic(Later), []));

        Assert.Equal(nameof(ServiceDelivery.StaffMemberId), after.Field);
        Assert.Equal(nameof(ServiceDelivery.AgreementItemId), before.Field);
    }

    [Fact]
    public void Between_ListsTheItemsAgreedOnAnyDayOfTheMonth()
    {
        var agreed = AgreedItems.Of(_original, [AddingAndDropping()]);

        Assert.Equal(["血压测量", "坐诊咨询", "健康讲座"], agreed.Between(Day(4, 1), Day(4, 30)).Select(i => i.Name));
        Assert.Equal(["血压测量", "坐诊咨询", "健康讲座", "康复指导"], agreed.Between(Day(5, 1), Day(5, 31)).Select(i => i.Name));
        Assert.Equal(["坐诊咨询", "健康讲座", "康复指导"], agreed.Between(Day(6, 1), Day(6, 30)).Select(i => i.Name));
    }
}
