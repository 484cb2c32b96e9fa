using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Domain.Tests.Coverage;

/// <summary>Issue 11 point 7: targets belong to the tenant, from its own policy text.</summary>
public class CoverageTargetTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void Shaoxing_EveryRegisteredNursingHomeSigned_WithAPrimaryPartner_By31May2024()
    {
        // 绍市民〔2024〕6号 一: 到2024年5月底前，全市备案养老机构与医疗卫生机构完成签约结对; 二.1: 至少含1家基层医疗卫生机构.
        var (measure, percent, deadline, source) = Assert.Single(PolicyTargets.Shaoxing);

        Assert.Equal(CoverageMeasure.NursingHomesSignedWithPrimary, measure);
        Assert.Equal(100, percent);
        Assert.Equal(new DateOnly(2024, 5, 31), deadline);
        Assert.Contains("绍市民〔2024〕6号", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Wenzhou_80And30PercentBy2018_AllAnd90PercentBy2020()
    {
        // 温州 指导意见 一: 2018年底 80% 养老机构 / 30% 社区居家; 2020年底 所有 / 90%以上.
        Assert.Equal(
            [
                (CoverageMeasure.NursingHomesProvidingMedical, 80, new DateOnly(2018, 12, 31)),
                (CoverageMeasure.CommunityOrgsSigned, 30, new DateOnly(2018, 12, 31)),
                (CoverageMeasure.NursingHomesProvidingMedical, 100, new DateOnly(2020, 12, 31)),
                (CoverageMeasure.CommunityOrgsSigned, 90, new DateOnly(2020, 12, 31)),
            ],
            PolicyTargets.Wenzhou.Select(t => (t.Measure, t.Percent, t.Deadline)));
    }

    [Fact]
    public void ProvidingMedicalServices_CountsAnInternalMedicalInstitutionOrAnAgreementInForce()
    {
        // 温州 一: 养老机构能为入住老年人提供医疗卫生服务 — the count is made so (NursingHomesProvidingMedical), not from signatures.
        var counts = CoverageCounts.None with { NursingHomes = 10, NursingHomesSigned = 6, NursingHomesProvidingMedical = 8 };

        Assert.Equal((8, 10), counts.Fraction(CoverageMeasure.NursingHomesProvidingMedical));
        Assert.Equal((6, 10), counts.Fraction(CoverageMeasure.NursingHomesSigned));
    }

    [Fact]
    public void DayCare_IsCountedOnItsOwn()
    {
        // 2020 guide 二(一): 日间照料机构应当依法办理登记 — they sign as 养老服务机构 too.
        var counts = CoverageCounts.None with { DayCare = 4, DayCareSigned = 1 };

        Assert.Equal(0.25, counts.Rate(CoverageMeasure.DayCareSigned));
        Assert.Equal(5, (counts + counts with { DayCare = 1 }).DayCare);
    }

    [Theory]
    [InlineData(100, 10, 10, "2024-06-01", TargetStanding.Met)]
    [InlineData(100, 9, 10, "2024-05-31", TargetStanding.InProgress)] // the deadline day itself still counts
    [InlineData(100, 9, 10, "2024-06-01", TargetStanding.Missed)]
    [InlineData(90, 9, 10, "2030-01-01", TargetStanding.Met)] // ≥90%
    [InlineData(90, 89, 100, "2020-01-01", TargetStanding.InProgress)]
    [InlineData(30, 1, 3, "2019-01-01", TargetStanding.Met)]
    [InlineData(80, 0, 0, "2019-01-01", TargetStanding.NotApplicable)]
    public void Standing_ComparesExactly_AndMissedOnlyAfterTheDeadline(int percent, int part, int whole, string today, TargetStanding expected)
    {
        var target = new CoverageTarget(Tenant, CoverageMeasure.NursingHomesSignedWithPrimary, percent, new DateOnly(2024, 5, 31), "绍市民〔2024〕6号 一");
        var counts = CoverageCounts.None with { NursingHomes = whole, NursingHomesWithPrimary = part };

        Assert.Equal(expected, target.StandingOn(counts, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Current_IsTheNextDeadlineAhead_OrTheLastOnceAllPassed()
    {
        var targets = PolicyTargets.Wenzhou.Select(t => new CoverageTarget(Tenant, t.Measure, t.Percent, t.Deadline, t.Source)).ToList();

        Assert.Equal(80, CoverageTargets.Current(targets, CoverageMeasure.NursingHomesProvidingMedical, new DateOnly(2018, 6, 1))!.Percent);
        Assert.Equal(100, CoverageTargets.Current(targets, CoverageMeasure.NursingHomesProvidingMedical, new DateOnly(2019, 1, 1))!.Percent);
        Assert.Equal(90, CoverageTargets.Current(targets, CoverageMeasure.CommunityOrgsSigned, new DateOnly(2026, 12, 1))!.Percent);
        Assert.Null(CoverageTargets.Current(targets, CoverageMeasure.DayCareSigned, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Problems_AreChinese_AndKeyedByField()
    {
        var problems = CoverageTarget.Problems(null, 101, null, " ", "Targets[2].");

        Assert.Equal(
            ["Targets[2].Measure", "Targets[2].Percent", "Targets[2].Deadline", "Targets[2].Source"],
            problems.Select(p => p.Field));
        Assert.Contains(problems, p => p.Message == "目标比例应为 1 到 100 之间的整数（%）。");
        Assert.Throws<DomainException>(() => new CoverageTarget(Tenant, CoverageMeasure.CommunityOrgsSigned, 0, new DateOnly(2020, 1, 1), "x"));
    }

    [Theory]
    [InlineData(3, 4, 0, 0.75)]
    [InlineData(3, 4, 2, 0.5)] // overdue filings count against the rate
    [InlineData(0, 0, 0, null)]
    public void OnTimeFilingRate_CountsTheFirstSubmissionByTheDueDate_AndTheOverdue(int onTime, int submitted, int overdue, double? expected)
    {
        // 2020 guide 六(四): 签订协议后一个月内告知; a filing still inside its month is not counted.
        Assert.Equal(expected, FilingPunctuality.Rate(onTime, submitted, overdue));
    }
}
