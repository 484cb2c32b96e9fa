using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>The regulators' statistics and the pages anyone may read without signing in.</summary>
public class DashboardAndPublicTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task CityDashboard_ShowsEveryCountyAndTheCityTotal_AndExports()
    {
        // A county of the test's own: two 养老机构, one signed with a 基层 partner 40 days ago and not yet filed (逾期).
        var county = await TestData.NewCountyAsync(app, $"测试{Random.Shared.Next(1000, 9999)}县");
        var signed = await TestData.NewElderCareAsync(app, county.Name);
        await TestData.NewElderCareAsync(app, county.Name);
        var partner = await TestData.NewMedicalAsync(app, county.Name);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(signed.Id, partner.Id, DateTimeOffset.UtcNow.AddDays(-40)));
        var city = PortalClient.For(app);
        await city.LoginAsync("/shaoxing", "city@shaoxing.demo");
        var own = PortalClient.For(app);
        await own.LoginAsync("/shaoxing", await TestData.NewRegulatorAsync(app, Bureau.CivilAffairs, county.Name));

        var html = Compact(await (await city.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());
        var csv = await city.GetAsync("/shaoxing/regulator/dashboard/export?format=csv");
        var xlsx = await city.GetAsync("/shaoxing/regulator/dashboard/export");
        var ownPage = Compact(await (await own.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());

        Assert.Contains("全市合计", html, StringComparison.Ordinal);
        Assert.Contains("柯桥区", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{county.Name}</td><td>2</td><td>1</td><td>50.0%</td><td>1</td><td>50.0%</td>", html, StringComparison.Ordinal);
        Assert.Contains(agreement.DocumentNumber, ownPage, StringComparison.Ordinal); // the overdue list
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
        var county = await TestData.NewCountyAsync(app, $"公示{Random.Shared.Next(1000, 9999)}县");
        var home = await TestData.NewElderCareAsync(app, county.Name);
        var partner = await TestData.NewMedicalAsync(app, county.Name);
        var unsigned = await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.GeneralHospital);
        await TestData.AgreementAsync(app, TestData.Effective(home.Id, partner.Id, DateTimeOffset.UtcNow));
        var visitor = PortalClient.For(app);

        var elderCare = await (await visitor.GetAsync($"/shaoxing/public?county={county.Id}")).Content.ReadAsStringAsync();
        var medical = await (await visitor.GetAsync($"/shaoxing/public?tab=medical&county={county.Id}")).Content.ReadAsStringAsync();

        Assert.Contains(home.Name, elderCare, StringComparison.Ordinal);
        Assert.Contains("元/", elderCare, StringComparison.Ordinal);
        Assert.Contains(partner.Name, medical, StringComparison.Ordinal);
        Assert.DoesNotContain(unsigned.Name, medical, StringComparison.Ordinal); // no effective agreement
        foreach (var page in new[] { elderCare, medical })
        {
            // No mobile numbers of contacts. Not inside a hex run: the page's ids are Guids, whose digits can read as one.
            Assert.DoesNotMatch(@"(?<![0-9A-Fa-f-])1[3-9]\d{9}(?![0-9A-Fa-f])", page);
            Assert.DoesNotContain("联系人", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verification_ShowsTheHash_AndTellsWhetherAnUploadIsTheDocumentOnRecord()
    {
        var home = await TestData.ElderCareIdAsync(app, DemoData.ShowcaseHome);
        var partner = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.GeneralHospital);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home, partner.Id, DateTimeOffset.UtcNow));
        var executed = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.AgreementDocuments
            .Where(d => d.AgreementId == agreement.Id && d.Kind == AgreementDocumentKind.Executed).Select(d => d.Content).SingleAsync());
        var url = $"/shaoxing/verify/{agreement.DocumentNumber}";
        var visitor = PortalClient.For(app);

        var page = await (await visitor.GetAsync(url)).Content.ReadAsStringAsync();
        var same = await (await visitor.UploadAsync(url, url, "copy.pdf", executed)).Content.ReadAsStringAsync();
        var altered = await (await visitor.UploadAsync(url, url, "copy.pdf", [.. executed, (byte)' '])).Content.ReadAsStringAsync();
        var unknown = await visitor.GetAsync("/shaoxing/verify/NO-SUCH-NUMBER");

        Assert.Contains(AgreementDocument.HashOf(executed), page, StringComparison.Ordinal);
        Assert.Contains(partner.Name, page, StringComparison.Ordinal);
        Assert.Contains("一致：上传的文件与存档的协议文件完全相同。", same, StringComparison.Ordinal);
        Assert.Contains("不一致", altered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Compact(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");
}
