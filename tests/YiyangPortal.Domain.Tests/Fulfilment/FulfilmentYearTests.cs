using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;
using static YiyangPortal.Domain.Tests.Fulfilment.FulfilmentFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>
/// The yearly 履约情况报告's figures (ADR 040): an agreement year's plan lines, shortfalls of ended periods, and the
/// 履约率 by the regulators' rule over the periods that are over.
/// </summary>
public class FulfilmentYearTests
{
    private readonly Agreement _agreement = InForce();
    private readonly StaffMember _doctor = Doctor();

    [Fact]
    public void TheYear_HoldsEveryMonthOfTheTerm_AndTheYearlyItemOnce()
    {
        var year = Assert.Single(AgreementEvaluation.YearsOf(_agreement));

        var plan = FulfilmentYear.PlanOf(_agreement, ServicePlan.Of(_agreement), year);

        Assert.Equal(12, plan.Count(l => l.ItemName == "血压测量"));
        Assert.Single(plan, l => l.ItemName == "健康讲座");
    }

    [Fact]
    public void Rate_CountsOnlyEndedPeriods_AndOnlyConfirmedRecords()
    {
        var item = Item(_agreement, "血压测量");
        var records = new List<ServiceRecord>();
        foreach (var day in new[] { Day(3, 10), Day(3, 11), Day(3, 12), Day(3, 13), Day(4, 10), Day(4, 11), Day(5, 12) })
        {
            var record = Recorded(_agreement, Delivery(item, _doctor, day), _doctor, [.. records]);
            if (day != Day(4, 11))
            {
                record.Confirm(_agreement, Elder(Later));
            }

            records.Add(record);
        }

        var year = FulfilmentYear.Of(_agreement, ServicePlan.Of(_agreement), AgreementEvaluation.YearsOf(_agreement)[0], records, Day(5, 20));

        // March and April are over: 血压测量 4 + 4 and 坐诊咨询 4 + 4 agreed (March's share of days: the term's
        // first day is 2 March), 血压测量 confirmed 4 + 1; May and the agreement year's 健康讲座 do not count yet.
        var ended = year.Ended;
        Assert.All(ended, l => Assert.True(l.Plan.Period.End < Day(5, 20)));
        Assert.Equal(FulfilmentRate.Of(ended), year.Rate);
        Assert.Equal(5, year.Counted);
        Assert.Contains(year.Shortfalls, l => l.Plan.ItemName == "血压测量" && l.Plan.Period.Start == Day(4, 1) && l.Pending == 1);
        Assert.DoesNotContain(year.Lines, l => l.Plan.Period.Start == Day(5, 1) && l.IsShortOn(Day(5, 20)));
        Assert.False(year.IsComplete);
    }

    [Fact]
    public void Latest_IsTheYearThatHasBegun()
    {
        Assert.Equal(1, FulfilmentYear.Latest(_agreement, Day(5, 20))!.Number);
        Assert.Equal(1, FulfilmentYear.Latest(_agreement, Day(1, 1, 2020))!.Number);
    }
}
