using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.SixOnes;

/// <summary>
/// 年度评价 through the pages (ADR 037): each party rates the year once, the other party and the county's regulators read
/// it, refused input stays in the form, and another clinic, home, county or tenant cannot reach it.
/// </summary>
public class EvaluationPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Home_Rates_TheClinicAndTheRegulatorRead_ASecondRatingIsRefused()
    {
        var (parties, agreement) = await InLastQuarterAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var saved = await home.SubmitAsync(Page(agreement), Page(agreement), Fields("5", "4", "4", "3", "记录偶有补录"));
        var again = await home.SubmitAsync(Page(agreement), Page(agreement), Fields("1", "1", "1", "1", "改主意了"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var clinicPage = await (await (await PortalClient.SignedInAsync(app, parties.ClinicEmail)).GetAsync(Page(agreement))).Content.ReadAsStringAsync();
        Assert.Contains("记录偶有补录", clinicPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"evaluation-form\"", clinicPage, StringComparison.Ordinal); // the clinic's side is still open
        var regulator = await (await (await PortalClient.SignedInAsync(app, parties.CivilAffairsEmail)).GetAsync("/shaoxing/regulator/six-ones")).Content.ReadAsStringAsync();
        Assert.Contains("记录偶有补录", regulator, StringComparison.Ordinal);
        var stored = await TestData.InTenantAsync(app, parties.Tenant, db => db.AgreementEvaluations.Where(e => e.AgreementId == agreement.Id).ToListAsync());
        Assert.Equal((AgreementParty.ElderCare, 5, 3), (Assert.Single(stored).Party, stored[0].Timeliness, stored[0].Records));
        Assert.Contains("data-testid=\"evaluation-link\"", await (await home.GetAsync($"/shaoxing/agreements/{agreement.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadScores_AndALowScoreWithoutComment_ComeBackAtTheirFields()
    {
        var (parties, agreement) = await InLastQuarterAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var response = await clinic.SubmitAsync(Page(agreement), Page(agreement), Fields("七", "2", "", "4", ""));
        var html = await response.Content.ReadAsStringAsync();
        var low = await clinic.SubmitAsync(Page(agreement), Page(agreement), Fields("2", "2", "3", "4", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"Timeliness\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, low.StatusCode);
        Assert.Contains("data-field-error=\"Cooperation\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"Comment\"", await low.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db => db.AgreementEvaluations.CountAsync(e => e.AgreementId == agreement.Id)));
    }

    [Fact]
    public async Task BeforeTheLastQuarter_TheFormIsClosed()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-10)));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var html = await (await home.GetAsync(Page(agreement))).Content.ReadAsStringAsync();
        var post = await home.SubmitAsync(Page(agreement), Page(agreement), Fields("5", "5", "5", "5", ""));

        Assert.Contains("data-testid=\"closed\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains("起开放", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherClinicHomeCountyAndTenant_AreKeptOut_AndRegulatorsCannotRate()
    {
        var (parties, agreement) = await InLastQuarterAsync();
        var others = await TestParties.CreateAsync(app);
        var otherClinic = await PortalClient.SignedInAsync(app, others.ClinicEmail);
        var otherHome = await PortalClient.SignedInAsync(app, others.StaffEmail);
        var otherCounty = await PortalClient.SignedInAsync(app, others.HealthEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHome.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/evaluation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await regulator.GetAsync(Page(agreement))).StatusCode);
        var post = await otherHome.SubmitAsync("/shaoxing/agreements", Page(agreement), Fields("5", "5", "5", "5", ""));
        var byRegulator = await regulator.SubmitAsync(Page(agreement), Page(agreement), Fields("5", "5", "5", "5", ""));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byRegulator.StatusCode);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db => db.AgreementEvaluations.CountAsync(e => e.AgreementId == agreement.Id)));
    }

    // Signed ten months ago, the term ends in a month: year one is in its last quarter.
    private async Task<(TestParties Parties, Agreement Agreement)> InLastQuarterAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(
            SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-300), TermEnd: BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(30)));
        return (parties, agreement);
    }

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/evaluation";

    private static Dictionary<string, string> Fields(string timeliness, string quality, string cooperation, string records, string comment) => new()
    {
        ["Year"] = "1",
        ["Timeliness"] = timeliness,
        ["Quality"] = quality,
        ["Cooperation"] = cooperation,
        ["Records"] = records,
        ["Comment"] = comment,
    };
}
