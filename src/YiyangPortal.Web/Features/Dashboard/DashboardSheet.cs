using System.Globalization;

namespace YiyangPortal.Web.Features.Dashboard;

/// <summary>The dashboard's figures as rows: the export's columns, the city total and the rates.</summary>
public static class DashboardSheet
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "区县", "养老机构", "已签约养老机构", "签约率", "与基层签约养老机构", "基层签约率", "50人以上未设内设医疗机构",
        "社区居家养老服务机构", "已签约社区居家", "社区签约率", "待报送", "逾期", "已报送", "已受理", "退回补正", "平均备案天数",
    ];

    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static CountyFigures Sum(string label, IReadOnlyList<CountyFigures> counties)
    {
        var c = counties.Select(x => x.Coverage).ToList();
        var f = counties.Select(x => x.Filings).ToList();
        var submitted = counties.Where(x => x.Filings.AverageDaysToFile is not null).ToList();
        var weight = submitted.Sum(x => x.Filings.Submitted + x.Filings.Accepted + x.Filings.Returned);
        double? average = weight == 0 ? null
            : submitted.Sum(x => x.Filings.AverageDaysToFile!.Value * (x.Filings.Submitted + x.Filings.Accepted + x.Filings.Returned)) / weight;
        return new CountyFigures(
            Guid.Empty, label,
            new CoverageFigures(c.Sum(x => x.NursingHomes), c.Sum(x => x.NursingHomesSigned), c.Sum(x => x.NursingHomesWithPrimary),
                c.Sum(x => x.LargeWithoutInternalMedical), c.Sum(x => x.CommunityOrgs), c.Sum(x => x.CommunityOrgsSigned)),
            new FilingFigures(f.Sum(x => x.Pending), f.Sum(x => x.Overdue), f.Sum(x => x.Submitted), f.Sum(x => x.Accepted), f.Sum(x => x.Returned), average));
    }

    public static IReadOnlyList<string> Row(CountyFigures x)
    {
        var c = x.Coverage;
        var f = x.Filings;
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return
        [
            x.County, N(c.NursingHomes), N(c.NursingHomesSigned), Percent(Rate(c.NursingHomesSigned, c.NursingHomes)),
            N(c.NursingHomesWithPrimary), Percent(Rate(c.NursingHomesWithPrimary, c.NursingHomes)), N(c.LargeWithoutInternalMedical),
            N(c.CommunityOrgs), N(c.CommunityOrgsSigned), Percent(Rate(c.CommunityOrgsSigned, c.CommunityOrgs)),
            N(f.Pending), N(f.Overdue), N(f.Submitted), N(f.Accepted), N(f.Returned),
            f.AverageDaysToFile is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "—",
        ];
    }
}
