using UglyToad.PdfPig;

namespace YiyangPortal.Documents.Tests;

/// <summary>
/// 履约情况报告 (issue 15): the report prints its Chinese text with the agreement's fonts and frame, a table spanning
/// pages repeats its header, a shortfall row prints bold, and the same model gives the same bytes.
/// </summary>
public class FulfilmentReportTests
{
    private static readonly float[] Columns = [0.3f, 0.2f, 0.1f, 0.1f, 0.1f, 0.2f];

    public static FulfilmentReportModel Sample(int rows = 12) => new(
        "SX-2026-000123",
        "履约情况报告",
        [
            "甲方（养老机构）：越城区福乐养老院",
            "乙方（医疗卫生机构）：越城区城南社区卫生服务中心",
            "报告期间：第 1 协议年度（2026年3月16日至2027年3月15日）",
        ],
        [
            new ReportSection("一、总体情况", ["履约率：87.5%（已确认 14 次，约定 16 次）"]),
            new ReportSection("二、服务项目完成情况", [], new ReportTable(
                Columns,
                ["服务项目", "周期", "约定", "已确认", "待确认", "完成情况"],
                Enumerable.Range(1, rows).Select(m => new ReportRow(
                    ["巡诊服务", $"2026年{m}月", "4", m == 2 ? "2" : "4", "0", m == 2 ? "未完成，差 2" : "已完成"], Emphasised: m == 2)).ToList()),
                ["注：未确认的记录不计入完成情况。"]),
        ],
        new DateOnly(2027, 3, 20));

    [Fact]
    public void Render_PrintsTheChineseText_InTheAgreementsFrame()
    {
        var pdf = RenderedDocuments.Renderer.RenderFulfilmentReport(Sample());

        var pages = RenderedDocuments.PageTexts(pdf);
        var text = RenderedDocuments.WithoutWhitespace(string.Concat(pages));
        Assert.Contains("履约情况报告", text, StringComparison.Ordinal);
        Assert.Contains("越城区福乐养老院", text, StringComparison.Ordinal);
        Assert.Contains("履约率：87.5%", text, StringComparison.Ordinal);
        Assert.Contains("未完成，差2", text, StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Contains("协议编号：SX-2026-000123", p, StringComparison.Ordinal));
        RenderedDocuments.KeepArtefact("fulfilment-report", pdf);
    }

    [Fact]
    public void LongTable_RepeatsItsHeader_OnTheNextPage()
    {
        var pdf = RenderedDocuments.Renderer.RenderFulfilmentReport(Sample(rows: 60));

        var pages = RenderedDocuments.PageTexts(pdf).Select(RenderedDocuments.WithoutWhitespace).ToList();
        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.Contains("服务项目周期约定已确认", p, StringComparison.Ordinal));
    }

    [Fact]
    public void ShortfallRow_PrintsBold()
    {
        var pdf = RenderedDocuments.Renderer.RenderFulfilmentReport(Sample());

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        var shortfall = letters.Where(l => l.Value == "差").Select(l => l.FontName).Distinct().ToList();
        var rows = letters.Where(l => l.Value == "巡").Select(l => l.FontName ?? string.Empty).ToList();
        Assert.Contains("Bold", Assert.Single(shortfall), StringComparison.Ordinal);
        Assert.Equal(1, rows.Count(f => f.Contains("Bold", StringComparison.Ordinal)));
        Assert.Equal(11, rows.Count(f => f.Contains("Regular", StringComparison.Ordinal)));
    }

    [Fact]
    public void SameModel_GivesTheSameBytes()
    {
        var first = RenderedDocuments.Renderer.RenderFulfilmentReport(Sample());
        var second = RenderedDocuments.Renderer.RenderFulfilmentReport(Sample());

        Assert.Equal(first, second);
    }
}
