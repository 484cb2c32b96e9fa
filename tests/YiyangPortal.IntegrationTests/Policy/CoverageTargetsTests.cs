using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Dashboard;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 7 on a real database: each tenant's dashboard measures against its own targets (绍市民〔2024〕6号 一、二.1
/// for Shaoxing, the Wenzhou guidance 一 for Wenzhou), counts 日间照料机构 and 内设医疗机构, gives the on-time filing
/// rate, and names the 养老机构 without a 基层 partner.
/// </summary>
public partial class CoverageTargetsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ShaoxingDashboard_ShowsShaoxingsTarget_NotWenzhous()
    {
        var parties = await TestParties.CreateAsync(app);
        var regulator = await LoginAsync(parties.Tenant, parties.CivilAffairsEmail);

        var html = Compact(await (await regulator.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());

        Assert.Contains("备案养老机构签约（至少含 1 家基层医疗卫生机构）", html, StringComparison.Ordinal);
        Assert.Contains("2024-05-31", html, StringComparison.Ordinal);
        Assert.Contains("绍市民〔2024〕6号", html, StringComparison.Ordinal);
        Assert.DoesNotContain("社区居家 90%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("温州", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouDashboard_ShowsTheWenzhouTargets()
    {
        var parties = await TestParties.CreateAsync(app, "wenzhou");
        var regulator = await LoginAsync(parties.Tenant, parties.HealthEmail);

        var html = Compact(await (await regulator.GetAsync("/wenzhou/regulator/dashboard")).Content.ReadAsStringAsync());

        Assert.Contains("养老机构能提供医疗卫生服务（内设医疗机构或协议在有效期内）", html, StringComparison.Ordinal);
        Assert.Contains("≥ 80%", html, StringComparison.Ordinal);
        Assert.Contains("≥ 30%", html, StringComparison.Ordinal);
        Assert.Contains("≥ 90%", html, StringComparison.Ordinal);
        Assert.Contains("2020-12-31", html, StringComparison.Ordinal);
        Assert.DoesNotContain("绍市民", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_CountsInternalMedicalDayCareAndOnTimeFilings()
    {
        var parties = await TestParties.CreateAsync(app);
        await TestData.NewElderCareAsync(app, parties.CountyName, internalMedical: true); // provides medical services unsigned
        var dayCare = await TestData.NewElderCareAsync(app, parties.CountyName, ElderCareInstitutionKind.DayCare);
        await TestData.AgreementAsync(app, TestData.Effective(dayCare.Id, parties.ClinicId, DateTimeOffset.UtcNow));
        var onTime = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(onTime.Id, Domain.Filings.FilingStatus.Submitted);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-45)));

        var figures = await FiguresAsync(parties);

        Assert.Equal(2, figures.Coverage.NursingHomes);
        Assert.Equal(1, figures.Coverage.NursingHomesSigned);
        Assert.Equal(2, figures.Coverage.NursingHomesProvidingMedical); // one signed, one with a 内设医疗机构
        Assert.Equal((1, 1), (figures.Coverage.DayCare, figures.Coverage.DayCareSigned));
        // 民政局: the home's two filings (one on time, one overdue) and the day-care centre's, still in its month.
        Assert.Equal(0.5, figures.Filings.OnTimeRate);
    }

    [Fact]
    public async Task UncoveredList_NamesHomesWithoutAPrimaryPartner_ByCounty_AndExports()
    {
        var parties = await TestParties.CreateAsync(app);
        var hospital = await TestData.NewMedicalAsync(app, parties.CountyName, MedicalInstitutionKind.GeneralHospital);
        var withHospital = await TestData.NewElderCareAsync(app, parties.CountyName);
        await TestData.AgreementAsync(app, TestData.Effective(withHospital.Id, hospital.Id, DateTimeOffset.UtcNow));
        var regulator = await LoginAsync(parties.Tenant, parties.CivilAffairsEmail);

        var before = Compact(await (await regulator.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());
        await parties.AgreementAsync(AgreementStatus.Effective);
        var after = Compact(await (await regulator.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync());
        var csv = Encoding.UTF8.GetString(await (await regulator.GetAsync("/shaoxing/regulator/dashboard/uncovered?format=csv")).Content.ReadAsByteArrayAsync());

        Assert.Contains($"<td class=\"cell-name\">{parties.HomeName}</td><td class=\"text-nowrap\">未签约</td>", before, StringComparison.Ordinal);
        Assert.DoesNotContain(parties.HomeName, UncoveredCard(after), StringComparison.Ordinal); // now signed with a 基层 clinic
        Assert.Contains($"{withHospital.Name}</td><td class=\"text-nowrap\">已签约，无基层医疗卫生机构", after, StringComparison.Ordinal);
        Assert.Contains("区县,养老机构,有效协议数,情况,内设医疗机构", csv, StringComparison.Ordinal);
        Assert.Contains($"{parties.CountyName},{withHospital.Name},1,已签约，无基层医疗卫生机构,无", csv, StringComparison.Ordinal);
    }

    private async Task<CountyFigures> FiguresAsync(TestParties parties)
    {
        CountyFigures? figures = null;
        await TestParties.InTenantAsync(app, parties.Tenant, async (_, services) =>
        {
            var (counties, _) = await services.GetRequiredService<DashboardQuery>().LoadAsync(
                parties.TenantId, Bureau.CivilAffairs, parties.CountyId, BeijingDate.Today, CancellationToken.None);
            figures = Assert.Single(counties);
        });
        return figures!;
    }


    private async Task<PortalClient> LoginAsync(string tenant, string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/" + tenant, email);
        return client;
    }

    private static string UncoveredCard(string html) => UncoveredSection().Match(html).Value;

    private static string Compact(string html) => Regex.Replace(html, @">\s+<", "><");

    [GeneratedRegex("data-testid=\"uncovered\".*?</table>", RegexOptions.Singleline)]
    private static partial Regex UncoveredSection();
}
