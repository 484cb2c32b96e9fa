using System.Net;
using System.Text;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Infrastructure.Seeding;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>The regulators' statistics and the pages anyone may read without signing in.</summary>
public class DashboardAndPublicTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task CityDashboard_ShowsEveryCountyAndTheCityTotal_AndExports()
    {
        var city = PortalClient.For(app);
        await city.LoginAsync("/shaoxing", "city@shaoxing.demo");

        var html = Compact(await (await city.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());
        var csv = await city.GetAsync("/shaoxing/regulator/dashboard/export?format=csv");
        var xlsx = await city.GetAsync("/shaoxing/regulator/dashboard/export");

        Assert.Contains("全市合计", html, StringComparison.Ordinal);
        Assert.Contains("柯桥区", html, StringComparison.Ordinal);
        Assert.Contains("SX-DEMO-F003", html, StringComparison.Ordinal); // the overdue list
        // 越城区: 福乐养老院 is the one 养老机构 and it has signed, with a 基层 partner.
        Assert.Contains("<td>越城区</td><td>1</td><td>1</td><td>100.0%</td><td>1</td><td>100.0%</td>", html, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("区县,养老机构,已签约养老机构,签约率", text, StringComparison.Ordinal);
        Assert.Contains("全市合计", text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CountyDashboard_ShowsOnlyItsCounty()
    {
        var county = PortalClient.For(app);
        await county.LoginAsync("/shaoxing", "weijian@shaoxing.demo");

        var html = Compact(await (await county.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());

        Assert.Contains("<td>越城区</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>柯桥区</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicList_NeedsNoLogin_AndShowsNoPersonalData()
    {
        var visitor = PortalClient.For(app);

        var elderCare = await (await visitor.GetAsync("/shaoxing/public")).Content.ReadAsStringAsync();
        var medical = await (await visitor.GetAsync("/shaoxing/public?tab=medical")).Content.ReadAsStringAsync();

        Assert.Contains("越城区福乐养老院", elderCare, StringComparison.Ordinal);
        Assert.Contains("元/", elderCare, StringComparison.Ordinal);
        Assert.Contains("塔山街道社区卫生服务中心", medical, StringComparison.Ordinal);
        Assert.DoesNotContain("上虞区康复医院", medical, StringComparison.Ordinal); // no effective agreement
        foreach (var page in new[] { elderCare, medical })
        {
            Assert.DoesNotMatch(@"1[3-9]\d{9}", page); // no mobile numbers of contacts
            Assert.DoesNotContain("联系人", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verification_ShowsTheHash_AndTellsWhetherAnUploadIsTheDocumentOnRecord()
    {
        var visitor = PortalClient.For(app);
        var executed = MinimalPdf.WithText("Agreement SX-DEMO-F002 executed");

        var page = await (await visitor.GetAsync("/shaoxing/verify/SX-DEMO-F002")).Content.ReadAsStringAsync();
        var same = await (await visitor.UploadAsync("/shaoxing/verify/SX-DEMO-F002", "/shaoxing/verify/SX-DEMO-F002", "copy.pdf", executed)).Content.ReadAsStringAsync();
        var altered = await (await visitor.UploadAsync("/shaoxing/verify/SX-DEMO-F002", "/shaoxing/verify/SX-DEMO-F002", "copy.pdf", [.. executed, (byte)' '])).Content.ReadAsStringAsync();
        var unknown = await visitor.GetAsync("/shaoxing/verify/NO-SUCH-NUMBER");

        Assert.Contains(AgreementDocument.HashOf(executed), page, StringComparison.Ordinal);
        Assert.Contains("越城区人民医院", page, StringComparison.Ordinal);
        Assert.Contains("一致：上传的文件与存档的协议文件完全相同。", same, StringComparison.Ordinal);
        Assert.Contains("不一致", altered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Compact(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");
}
