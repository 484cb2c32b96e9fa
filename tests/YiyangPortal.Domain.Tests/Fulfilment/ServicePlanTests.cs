using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15: the plan is derived from the agreement in force — a line per item and period with the agreed count.</summary>
public class ServicePlanTests
{
    [Fact]
    public void MonthlyItem_GetsALinePerMonthOfTheTerm_WithTheAgreedCount()
    {
        var plan = ServicePlan.Of(InForce()).Where(l => l.ItemName == "血压测量").ToList();

        Assert.Equal(12, plan.Count);
        Assert.All(plan, l => Assert.Equal(4, l.AgreedCount));
        Assert.All(plan, l => Assert.Equal(PeriodKind.Month, l.Period.Kind));
        Assert.Equal(Day(3, 1), plan[0].Period.Start);
        Assert.Equal(Day(2, 28, 2027), plan[^1].Period.End);
    }

    [Fact]
    public void ClauseOneItem_CarriesTheClausesConditions()
    {
        var line = ServicePlan.Of(InForce()).First(l => l.ItemName == "坐诊咨询");

        Assert.Equal(ProfessionalTitle.Intermediate, line.RequiredTitle);
        Assert.Equal(1, line.DoctorCount);
        Assert.Null(ServicePlan.Of(InForce()).First(l => l.ItemName == "血压测量").RequiredTitle);
    }

    [Fact]
    public void YearlyItem_CountsPerAgreementYear()
    {
        var line = Assert.Single(ServicePlan.Of(InForce()), l => l.ItemName == "健康讲座");

        Assert.Equal(PeriodKind.Year, line.Period.Kind);
        Assert.Equal((Day(3, 1), Day(2, 28, 2027)), (line.Period.Start, line.Period.End));
        Assert.Equal(6, line.AgreedCount);
    }

    /// <summary>
    /// ADR 043 (2020 guide 九(二)): a 补充协议 in force from 16 May (Beijing) raises 血压测量 to 6 次/月 and drops 健康讲座;
    /// the original's plan follows it from that day, keeping the original's item ids.
    /// </summary>
    [Fact]
    public void Supplement_ChangesTheOriginalsPlan_FromTheDayItCameIntoForce()
    {
        var original = InForce();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        var pressure = supplement.Items.Single(i => i.Name == "血压测量");
        supplement.EditItem(Elder(), pressure.Id, 6, pressure.UnitPrice);
        supplement.RemoveItem(Elder(), supplement.Items.Single(i => i.Name == "健康讲座").Id);
        SignedSupplement(original, supplement, new DateTimeOffset(2026, 5, 16, 2, 0, 0, TimeSpan.Zero));

        var plan = ServicePlan.Of(original, [supplement]);

        var lines = plan.Where(l => l.AgreementItemId == Item(original, "血压测量").Id).ToDictionary(l => l.Period.Start, l => l.AgreedCount);
        Assert.Equal(4, lines[Day(4, 1)]);
        Assert.Equal(5, lines[Day(5, 1)]); // 4 × 15/31 + 6 × 16/31 = 5.03
        Assert.Equal(6, lines[Day(6, 1)]);
        Assert.Equal(12, lines.Count);
        // 健康讲座 6 次/年 owed only for 1 March – 15 May: 76 of the year's 365 days.
        Assert.Equal(1, Assert.Single(plan, l => l.ItemName == "健康讲座").AgreedCount);
        // 坐诊 unchanged: a split month still owes 4.
        Assert.All(plan.Where(l => l.ItemName == "坐诊咨询"), l => Assert.Equal(4, l.AgreedCount));
        Assert.All(plan, l => Assert.Contains(original.IncludedItems, i => i.Id == l.AgreementItemId));
    }

    [Fact]
    public void SupplementNotInForce_ChangesNothing()
    {
        var original = InForce();
        var draft = original.CreateSupplement(Elder(), "S-1", []);
        draft.EditItem(Elder(), draft.Items[0].Id, 9, draft.Items[0].UnitPrice);

        Assert.Equal(ServicePlan.Of(original), ServicePlan.Of(original, [draft]));
    }

    [Fact]
    public void PartlyCoveredMonth_OwesItsShareOfDays()
    {
        var agreement = InForce();
        TerminateByAgreement(agreement, Medic(new DateTimeOffset(2026, 6, 16, 2, 0, 0, TimeSpan.Zero)));

        var june = ServicePlan.Of(agreement).Where(l => l.ItemName == "血压测量").Last();

        // Terminated from 16 June: services through 15 June, half of June's 4.
        Assert.Equal(Day(6, 1), june.Period.Start);
        Assert.Equal(2, june.AgreedCount);
        Assert.Equal(Day(6, 15), agreement.ServiceDays()!.Value.To);
    }

    [Fact]
    public void AMonthTheTermBarelyCovers_OwesNothing_AndIsNotCalledDone()
    {
        var agreement = InForce();
        // Terminated from 4 June: services through 3 June, 4 × 3/30 of June's 4 rounds to none.
        TerminateByAgreement(agreement, Medic(new DateTimeOffset(2026, 6, 4, 2, 0, 0, TimeSpan.Zero)));
        var june = ServicePlan.Of(agreement).Where(l => l.ItemName == "血压测量").Last();

        var line = new FulfilmentLine(june, 0, 0, 0, 0);

        Assert.Equal((0, true, 0), (june.AgreedCount, line.OwesNothing, line.Shortfall));
        Assert.False(new FulfilmentLine(ServicePlan.Of(InForce()).First(l => l.ItemName == "血压测量"), 4, 4, 0, 0).OwesNothing);
    }

    [Fact]
    public void WeeklyItem_CountsPerQuarter_ThirteenWeeks()
    {
        Assert.Equal(PeriodKind.Quarter, ServicePeriod.KindFor(ServiceUnit.TimesPerWeek));
        Assert.Equal(26, ServicePeriod.CountPerPeriod(2, ServiceUnit.TimesPerWeek));
        Assert.Equal(new ServicePeriod(PeriodKind.Quarter, Day(4, 1), Day(6, 30)), ServicePeriod.CalendarContaining(PeriodKind.Quarter, Day(5, 20)));
    }

    [Fact]
    public void AgreementNotInForce_HasNoPlan()
    {
        Assert.Empty(ServicePlan.Of(PendingSignature()));
        Assert.Null(Draft().ServiceDays());
    }

    [Fact]
    public void FulfilmentActions_BelongToEachSide_OnceInForce()
    {
        var agreement = InForce();

        Assert.True(agreement.May(AgreementParty.Medical, AgreementAction.RecordService));
        Assert.False(agreement.May(AgreementParty.ElderCare, AgreementAction.RecordService));
        Assert.True(agreement.May(AgreementParty.ElderCare, AgreementAction.ConfirmService));
        Assert.False(agreement.May(AgreementParty.Medical, AgreementAction.ConfirmService));
        Assert.False(PendingSignature().May(AgreementParty.Medical, AgreementAction.RecordService));
    }

    [Fact]
    public void ConsultationFee_IsForTheThreeTitlesOfClauseThree_Only()
    {
        var schedule = new FeeSchedule(TestInstitutions.Medical());

        var refused = Assert.Throws<DomainException>(() =>
            schedule.SetConsultationFee(ProfessionalTitle.Junior, Money.FromYuan(50m), new ValidityPeriod(Day(1, 1), null), Day(1, 1)));

        Assert.Contains("正高、副高、中级", refused.Message, StringComparison.Ordinal);
        Assert.True(ProfessionalTitle.Senior.IsAtLeast(ProfessionalTitle.Intermediate));
        Assert.False(ProfessionalTitle.Junior.IsAtLeast(ProfessionalTitle.Intermediate));
    }
}
