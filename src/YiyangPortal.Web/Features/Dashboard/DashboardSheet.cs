using System.Globalization;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Web.Features.Dashboard;

/// <summary>The dashboard's figures as rows: the export's columns, the city total and the rates.</summary>
public static class DashboardSheet
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "区县", "养老机构", "已签约养老机构", "签约率", "与基层签约养老机构", "基层签约率", "能提供医疗服务养老机构",
        "50人以上未设内设医疗机构", "社区居家养老服务机构", "已签约社区居家", "社区签约率", "日间照料机构", "已签约日间照料",
        "日间照料签约率", FilingStatus.Pending.ToChinese(), "逾期", FilingStatus.Submitted.ToChinese(), FilingStatus.Accepted.ToChinese(), FilingStatus.Returned.ToChinese(), "按时备案率", "平均备案天数",
    ];

    /// <summary>Columns of the named list of 养老机构 without a 基层 partner.</summary>
    public static IReadOnlyList<string> UncoveredHeaders { get; } = ["区县", "养老机构", "有效协议数", "情况", "内设医疗机构"];

    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static CountyFigures Sum(string label, IReadOnlyList<CountyFigures> counties)
    {
        var f = counties.Select(x => x.Filings).ToList();
        var submitted = counties.Where(x => x.Filings.AverageDaysToFile is not null).ToList();
        // Each county's average is over the filings submitted at all (overdue 需补正 included).
        var weight = submitted.Sum(x => x.Filings.FirstSubmitted);
        double? average = weight == 0 ? null
            : submitted.Sum(x => x.Filings.AverageDaysToFile!.Value * x.Filings.FirstSubmitted) / weight;
        return new CountyFigures(
            Guid.Empty, label,
            counties.Select(x => x.Coverage).Aggregate(CoverageCounts.None, (sum, c) => sum + c),
            new FilingFigures(
                f.Sum(x => x.Pending), f.Sum(x => x.Overdue), f.Sum(x => x.Submitted), f.Sum(x => x.Accepted), f.Sum(x => x.Returned),
                average, f.Sum(x => x.FirstSubmitted), f.Sum(x => x.OnTime), f.Sum(x => x.NeverSubmittedOverdue)));
    }

    public static IReadOnlyList<string> Row(CountyFigures x)
    {
        var c = x.Coverage;
        var f = x.Filings;
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return
        [
            x.County, N(c.NursingHomes), N(c.NursingHomesSigned), Percent(Rate(c.NursingHomesSigned, c.NursingHomes)),
            N(c.NursingHomesWithPrimary), Percent(Rate(c.NursingHomesWithPrimary, c.NursingHomes)), N(c.NursingHomesProvidingMedical),
            N(c.LargeWithoutInternalMedical),
            N(c.CommunityOrgs), N(c.CommunityOrgsSigned), Percent(Rate(c.CommunityOrgsSigned, c.CommunityOrgs)),
            N(c.DayCare), N(c.DayCareSigned), Percent(Rate(c.DayCareSigned, c.DayCare)),
            N(f.Pending), N(f.Overdue), N(f.Submitted), N(f.Accepted), N(f.Returned), Percent(f.OnTimeRate),
            f.AverageDaysToFile is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "—",
        ];
    }

    public static IReadOnlyList<string> Row(UncoveredHome h) =>
    [
        h.County, h.Name, h.Agreements.ToString(CultureInfo.InvariantCulture),
        h.Agreements == 0 ? "未签约" : "已签约，无基层医疗卫生机构", h.HasInternalMedical ? "有" : "无",
    ];
}
