using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>Every filing id from a URL is checked against tenant, bureau, county and role: outside the scope is a 404.</summary>
public class FilingPermissionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task YuechengRegulator_CannotSeeAnotherCountysFiling()
    {
        var keqiao = await FilingData.DemoFilingAsync(app, "SX-DEMO-F003", Bureau.Health, "柯桥区");
        var client = await SignedInAsync("weijian@shaoxing.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/filings/{keqiao.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/filings/{keqiao.Id}/agreement.pdf")).StatusCode);
        var list = await (await client.GetAsync("/shaoxing/filings")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("柯桥区卫生健康局", list, StringComparison.Ordinal);
        Assert.Contains("越城区卫生健康局", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CivilAffairsRegulator_CannotActOnAHealthFiling()
    {
        var health = await FilingData.DemoFilingAsync(app, "SX-DEMO-F001", Bureau.Health, "越城区");
        var client = await SignedInAsync("minzheng@shaoxing.demo");

        var accept = await client.SubmitAsync("/shaoxing/filings", $"/shaoxing/filings/{health.Id}/accept", new Dictionary<string, string>());
        var view = await client.GetAsync($"/shaoxing/filings/{health.Id}");

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(FilingStatus.Submitted, (await FilingData.DemoFilingAsync(app, "SX-DEMO-F001", Bureau.Health, "越城区")).Status);
    }

    [Fact]
    public async Task CityRegulator_SeesEveryCounty_ButCannotReview()
    {
        var civil = await FilingData.DemoFilingAsync(app, "SX-DEMO-F001", Bureau.CivilAffairs, "越城区");
        var client = await SignedInAsync("city@shaoxing.demo");

        var page = await (await client.GetAsync($"/shaoxing/filings/{civil.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("SX-DEMO-F001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/accept\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsUser_GetsNotFound()
    {
        var civil = await FilingData.DemoFilingAsync(app, "SX-DEMO-F002", Bureau.CivilAffairs, "越城区");
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "staff@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/filings/{civil.Id}")).StatusCode);
    }

    [Fact]
    public async Task Regulator_CannotSubmitForAParty()
    {
        var pending = await FilingData.DemoFilingAsync(app, "SX-DEMO-F001", Bureau.CivilAffairs, "越城区");
        var regulator = await SignedInAsync("weijian@shaoxing.demo");

        var submit = await regulator.SubmitAsync("/shaoxing/filings", $"/shaoxing/filings/{pending.Id}/submit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        var stored = await FilingData.InTenantAsync(app, "shaoxing", db => db.Filings.SingleAsync(f => f.Id == pending.Id));
        Assert.Equal(FilingStatus.Pending, stored.Status);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email);
        return client;
    }
}
