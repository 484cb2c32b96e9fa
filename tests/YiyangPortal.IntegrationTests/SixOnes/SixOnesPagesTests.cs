using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.SixOnes;

/// <summary>
/// 六个一 (绍市民〔2024〕6号 二) through the pages: the home's card, its entry forms with refusals next to the fields, and
/// the regulators' table scoped to their county; nobody else's home is reachable (the home is the cookie's).
/// </summary>
public class SixOnesPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Page = "/shaoxing/eldercare/six-ones";

    [Fact]
    public async Task Home_EntersItsHealthCheck_AndTheCardShowsIt()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var before = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"six-ones-card\"", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-Partner\" data-result=\"Met\"", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-HealthCheck\" data-result=\"NotMet\"", before, StringComparison.Ordinal);

        var saved = await home.SubmitAsync(Page, $"{Page}/health-check", new Dictionary<string, string>
        {
            ["CheckedOn"] = Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["ResidentsDue"] = "40",
            ["ResidentsChecked"] = "38",
        });
        var training = await home.SubmitAsync(Page, $"{Page}/training", new Dictionary<string, string>
        {
            ["HeldOn"] = Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Topic"] = "应急急救",
            ["Attendees"] = "15",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, training.StatusCode);
        var after = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"six-one-HealthCheck\" data-result=\"Met\"", after, StringComparison.Ordinal);
        Assert.Contains("已体检 38 人 / 应检 40 人（95%）", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-Training\" data-result=\"Met\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ComesBackNextToItsField_WithWhatWasTyped_AndNothingSaved()
    {
        var parties = await TestParties.CreateAsync(app);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var check = await home.SubmitAsync(Page, $"{Page}/health-check", new Dictionary<string, string>
        {
            ["CheckedOn"] = Today().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["ResidentsDue"] = "二十",
            ["ResidentsChecked"] = "-1",
        });
        var html = await check.Content.ReadAsStringAsync();
        var tooMany = await home.SubmitAsync(Page, $"{Page}/health-check", new Dictionary<string, string>
        {
            ["CheckedOn"] = Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["ResidentsDue"] = "20",
            ["ResidentsChecked"] = "25",
        });
        var training = await home.SubmitAsync(Page, $"{Page}/training", new Dictionary<string, string>
        {
            ["HeldOn"] = "2026/13/40",
            ["Topic"] = "家属电话 13800138000",
            ["Attendees"] = "5",
        });
        var green = await home.SubmitAsync(Page, $"{Page}/green-channel", new Dictionary<string, string> { ["UsedOn"] = "2026-01-02", ["Residents"] = "1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        Assert.Contains("data-field-error=\"ResidentsDue\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"二十\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-1\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("data-field-error=\"ResidentsChecked\"", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var trainingHtml = await training.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, training.StatusCode);
        Assert.Contains("data-field-error=\"HeldOn\"", trainingHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"家属电话 13800138000\"", trainingHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, green.StatusCode); // no agreement agrees a green channel
        Assert.Contains("尚未约定绿色通道", await green.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.HealthChecks.CountAsync(c => c.ElderCareInstitutionId == parties.HomeId)));
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.TrainingSessions.CountAsync(c => c.ElderCareInstitutionId == parties.HomeId)));
    }

    [Fact]
    public async Task Home_MarksApplying_ForItsInternalMedicalInstitution()
    {
        var parties = await TestParties.CreateAsync(app);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var marked = await home.SubmitAsync(Page, $"{Page}/internal-medical", new Dictionary<string, string> { ["applying"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.True(await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.ElderCareInstitutions.Where(i => i.Id == parties.HomeId).Select(i => i.IsApplyingForInternalMedicalInstitution).SingleAsync()));
    }

    [Fact]
    public async Task Regulators_SeeTheirCounty_OthersAreKeptOut()
    {
        var parties = await TestParties.CreateAsync(app);
        var others = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var city = await PortalClient.SignedInAsync(app, "city@shaoxing.demo");

        var page = await regulator.GetAsync("/shaoxing/regulator/six-ones");
        var html = await page.Content.ReadAsStringAsync();
        var cityHtml = await (await city.GetAsync("/shaoxing/regulator/six-ones")).Content.ReadAsStringAsync();
        var export = await regulator.GetAsync("/shaoxing/regulator/six-ones/export");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(parties.CountyName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(others.CountyName, html, StringComparison.Ordinal);
        Assert.Contains("100.0% <span class=\"small text-secondary\">(1/1)</span>", html, StringComparison.Ordinal); // the partner
        Assert.Contains(parties.CountyName, cityHtml, StringComparison.Ordinal);
        Assert.Contains(others.CountyName, cityHtml, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("403", PortalClient.RedirectPath(await clinic.GetAsync("/shaoxing/regulator/six-ones")), StringComparison.Ordinal);
        Assert.Contains("403", PortalClient.RedirectPath(await regulator.GetAsync(Page)), StringComparison.Ordinal);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        Assert.Contains("403", PortalClient.RedirectPath(await wenzhou.GetAsync("/wenzhou/regulator/six-ones")), StringComparison.Ordinal);
    }

    private static DateOnly Today() => BeijingTime.Today(DateTimeOffset.UtcNow);
}
