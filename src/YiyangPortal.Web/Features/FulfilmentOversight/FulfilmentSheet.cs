using System.Globalization;
using YiyangPortal.Web.Features.Dashboard;

namespace YiyangPortal.Web.Features.FulfilmentOversight;

/// <summary>The page's figures as rows for the export (the same columns as the page's tables).</summary>
public static class FulfilmentSheet
{
    public static IReadOnlyList<string> Headers(bool counties) =>
        [counties ? "区县" : "机构", "计划项次", "约定次数", "已确认履约", "履约率", "待确认", "有异议", "未完成项次"];

    public static IReadOnlyList<string> ShortHeaders { get; } =
        ["协议编号", "养老机构", "医疗卫生机构", "服务项目", "上一期开始", "本期", "约定次数", "已确认"];

    public static string Percent(double? rate) => DashboardSheet.Percent(rate);

    public static IReadOnlyList<string> Row(FulfilmentRow row)
    {
        var f = row.Figures;
        return [row.Name, N(f.Lines), N(f.Agreed), N(f.Delivered), Percent(f.Rate), N(f.Pending), N(f.Disputed), N(f.ShortLines)];
    }

    public static IReadOnlyList<string> Row(ShortRunning s) =>
    [
        s.DocumentNumber, s.ElderCare, s.Medical, s.Item, Day(s.PreviousStart), $"{Day(s.Start)} 至 {Day(s.End)}",
        N(s.Agreed), N(s.Confirmed),
    ];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
