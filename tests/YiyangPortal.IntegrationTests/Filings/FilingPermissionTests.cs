using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>Every filing id from a URL is checked against tenant, bureau, county and role: outside the scope is a 404.</summary>
public class FilingPermissionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task YuechengRegulator_CannotSeeAnotherCountysFiling()
    {
        var (_, filings) = await CrossCountyAgreementAsync();
        var keqiao = filings.Single(f => f.Bureau == Bureau.Health && f.County == "柯桥区").Filing;
        var client = await PortalClient.SignedInAsync(app, "weijian@shaoxing.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/filings/{keqiao.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/filings/{keqiao.Id}/agreement.pdf")).StatusCode);
        var list = await (await client.GetAsync("/shaoxing/filings")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("柯桥区卫生健康局", list, StringComparison.Ordinal);
        Assert.Contains("越城区卫生健康局", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CivilAffairsRegulator_CannotActOnAHealthFiling()
    {
        var (_, filings) = await CrossCountyAgreementAsync(healthBureauOfPartnerCounty: false);
        var health = filings.Single(f => f.Bureau == Bureau.Health && f.County == "越城区").Filing;
        var client = await PortalClient.SignedInAsync(app, "minzheng@shaoxing.demo");

        var accept = await client.SubmitAsync("/shaoxing/filings", $"/shaoxing/filings/{health.Id}/accept", new Dictionary<string, string>());
        var view = await client.GetAsync($"/shaoxing/filings/{health.Id}");

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(FilingStatus.Submitted, (await StoredAsync(health.Id)).Status);
    }

    [Fact]
    public async Task CityRegulator_SeesEveryCounty_ButCannotReview()
    {
        var (number, filings) = await CrossCountyAgreementAsync();
        var civil = filings.Single(f => f.Bureau == Bureau.CivilAffairs).Filing;
        var client = await PortalClient.SignedInAsync(app, "city@shaoxing.demo");

        var page = await (await client.GetAsync($"/shaoxing/filings/{civil.Id}")).Content.ReadAsStringAsync();

        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.DoesNotContain("/accept\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsUser_GetsNotFound()
    {
        var (_, filings) = await CrossCountyAgreementAsync();
        var civil = filings.Single(f => f.Bureau == Bureau.CivilAffairs).Filing;
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "staff@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/filings/{civil.Id}")).StatusCode);
    }

    [Fact]
    public async Task Regulator_CannotSubmitForAParty()
    {
        var (_, filings) = await CrossCountyAgreementAsync();
        var pending = filings.Single(f => f.Bureau == Bureau.CivilAffairs).Filing;
        var regulator = await PortalClient.SignedInAsync(app, "weijian@shaoxing.demo");

        var submit = await regulator.SubmitAsync("/shaoxing/filings", $"/shaoxing/filings/{pending.Id}/submit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(FilingStatus.Pending, (await StoredAsync(pending.Id)).Status);
    }

    /// <summary>福乐养老院 (越城区) with a new partner in 柯桥区, signed today, filed with 越城区民政局 (待报送) and, as chosen, 柯桥区 or 越城区卫生健康局 (已报送).</summary>
    private async Task<(string Number, List<(Filing Filing, Bureau Bureau, string County)> Filings)> CrossCountyAgreementAsync(bool healthBureauOfPartnerCounty = true)
    {
        var partner = await TestData.NewMedicalAsync(app, "柯桥区");
        var home = await TestData.ElderCareIdAsync(app, DemoData.ShowcaseHome);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home, partner.Id, DateTimeOffset.UtcNow) with
        {
            Health = FilingPlan.Submitted,
            HealthBureauOfPartnerCounty = healthBureauOfPartnerCounty,
        });
        var filings = await TestData.InTenantAsync(app, TestData.Shaoxing, db => (
            from f in db.Filings.AsNoTracking()
            join c in db.Counties on f.CountyId equals c.Id
            where f.AgreementId == agreement.Id
            select new { Filing = f, c.Name }).ToListAsync());
        return (agreement.DocumentNumber, filings.ConvertAll(f => (f.Filing, f.Filing.Bureau, f.Name)));
    }

    private Task<Filing> StoredAsync(Guid id) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Filings.AsNoTracking().SingleAsync(f => f.Id == id));
}
