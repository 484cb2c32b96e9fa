using System.Globalization;
using System.Net;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Dashboard;
using YiyangPortal.Web.Features.Institutions;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// 履约监管 (issue 15): the county bureau sees its institutions' 履约率 with pending and disputed apart, the city sees
/// its counties, the export carries the same figures, and nobody else sees them (another county's bureau, another
/// tenant's, the parties).
/// </summary>
public class FulfilmentOversightTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Page = "/shaoxing/regulator/fulfilment";

    [Fact]
    public async Task CountyBureau_SeesItsInstitutionsRate_WithPendingApart()
    {
        var (parties, month, expected) = await DeliveredAsync();
        var health = await PortalClient.SignedInAsync(app, parties.HealthEmail);

        var html = await (await health.GetAsync($"{Page}?from={month:yyyy-MM}&to={month:yyyy-MM}")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"institution-table\"", html, StringComparison.Ordinal);
        Assert.Contains(parties.ClinicName, html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"rate\">{DashboardSheet.Percent(expected)}<", html, StringComparison.Ordinal);
        Assert.Contains("待确认", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_CountsConfirmedOnly_UpToTheAgreedCount_OfEndedPeriods()
    {
        var (parties, month, expected) = await DeliveredAsync();

        var lines = (await FulfilmentFixture.LinesAsync(app, parties, (await OnlyAgreementAsync(parties)).Id))
            .Where(l => l.PeriodEnd.Year == month.Year && l.PeriodEnd.Month == month.Month).ToList();

        // One confirmed short of the item's count, one pending: the pending one is not delivered.
        var item = lines.Single(l => l.Confirmed > 0);
        Assert.Equal((item.Agreed - 1, 1), (item.Confirmed, item.Pending));
        Assert.Equal(
            (double)lines.Sum(l => FulfilmentRate.Counted(l.Confirmed, l.Agreed)) / lines.Sum(l => l.Agreed), expected);
    }

    [Fact]
    public async Task CityBureau_SeesTheCounty_AndPicksItForItsInstitutions()
    {
        var (parties, month, _) = await DeliveredAsync();
        var city = await PortalClient.SignedInAsync(app, "city@shaoxing.demo");

        var all = await (await city.GetAsync($"{Page}?from={month:yyyy-MM}&to={month:yyyy-MM}")).Content.ReadAsStringAsync();
        var county = await (await city.GetAsync($"{Page}?from={month:yyyy-MM}&to={month:yyyy-MM}&county={parties.CountyId}")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"county-table\"", all, StringComparison.Ordinal);
        Assert.Contains(parties.CountyName, all, StringComparison.Ordinal);
        Assert.Contains($"county={parties.CountyId}", all, StringComparison.Ordinal);
        Assert.Contains(parties.HomeName, county, StringComparison.Ordinal); // 民政: the elder-care side
    }

    [Fact]
    public async Task OtherCountyTenantAndParties_DoNotSeeIt()
    {
        var (parties, month, _) = await DeliveredAsync();
        var otherCounty = await TestParties.CreateAsync(app);
        var otherTenant = await TestParties.CreateAsync(app, "wenzhou");
        var neighbour = await PortalClient.SignedInAsync(app, otherCounty.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", otherTenant.HealthEmail);
        var range = $"from={month:yyyy-MM}&to={month:yyyy-MM}";

        // A county bureau's county is its binding's: naming another county in the URL changes nothing.
        var next = await (await neighbour.GetAsync($"{Page}?{range}&county={parties.CountyId}")).Content.ReadAsStringAsync();
        var far = await (await wenzhou.GetAsync($"/wenzhou/regulator/fulfilment?{range}&county={parties.CountyId}")).Content.ReadAsStringAsync();
        var export = await (await neighbour.GetAsync($"{Page}/export?{range}&county={parties.CountyId}")).Content.ReadAsByteArrayAsync();

        Assert.DoesNotContain(parties.ClinicName, next, StringComparison.Ordinal);
        Assert.Contains(otherCounty.CountyName, next, StringComparison.Ordinal);
        Assert.DoesNotContain(parties.ClinicName, far, StringComparison.Ordinal);
        Assert.DoesNotContain(parties.CountyName, far, StringComparison.Ordinal);
        Assert.DoesNotContain(Rows(export), r => r.Cells.Values.Contains(parties.ClinicName));
        foreach (var party in new[] { parties.StaffEmail, parties.ClinicEmail })
        {
            var response = await (await PortalClient.SignedInAsync(app, party)).GetAsync(Page);
            Assert.Contains("403", PortalClient.RedirectPath(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_HasTheInstitutionsRate_AndTheShortList()
    {
        var (parties, month, expected) = await DeliveredAsync();
        var health = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var range = $"from={month:yyyy-MM}&to={month.AddMonths(1):yyyy-MM}";

        var response = await health.GetAsync($"{Page}/export?{range}");
        var shortList = await health.GetAsync($"{Page}/export?{range}&list=short");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        var clinic = Assert.Single(rows, r => r["机构"] == parties.ClinicName);
        Assert.Contains(rows, r => r["机构"] == "合计");
        Assert.NotEqual("—", clinic["履约率"]);
        Assert.Equal("1", clinic["待确认"]);

        // Nothing delivered in the month after: every item of it is short two periods running.
        var shortRows = Rows(await shortList.Content.ReadAsByteArrayAsync());
        var agreement = await OnlyAgreementAsync(parties);
        Assert.NotEmpty(shortRows);
        Assert.All(shortRows, r => Assert.Equal(agreement.DocumentNumber, r["协议编号"]));
        // On the page, each short item opens the agreement's records of that period (ADR 047).
        var page = await (await health.GetAsync($"{Page}?{range}")).Content.ReadAsStringAsync();
        Assert.Contains($"/shaoxing/agreements/{agreement.Id}/fulfilment?month=", page, StringComparison.Ordinal);
        _ = expected;
    }

    [Theory]
    [InlineData("minzheng@shaoxing.demo", "institution-table")]
    [InlineData("weijian@shaoxing.demo", "institution-table")]
    [InlineData("city@shaoxing.demo", "county-table")]
    public async Task DemoData_ShowsRates_ToTheDemoRegulators(string account, string table)
    {
        var regulator = await PortalClient.SignedInAsync(app, account);

        var html = await (await regulator.GetAsync(Page)).Content.ReadAsStringAsync();

        Assert.Contains($"data-testid=\"{table}\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"rate\">[0-9]", html);
    }

    [Fact]
    public async Task EmptyRange_SaysSoInChinese()
    {
        var parties = await TestParties.CreateAsync(app);
        var health = await PortalClient.SignedInAsync(app, parties.HealthEmail);

        var html = await (await health.GetAsync(Page)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"empty\"", html, StringComparison.Ordinal);
        Assert.Contains("统计区间内没有连续两期未完成的协议。", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// An agreement of a county of its own with, in its first full month, every delivery of one monthly item but one
    /// confirmed and the last pending; returns the month and the rate the bureau should read for it.
    /// </summary>
    private async Task<(TestParties Parties, DateOnly Month, double Rate)> DeliveredAsync()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var month = FulfilmentFixture.FirstFullMonth(agreement);
        for (var k = 0; k < item.Frequency; k++)
        {
            var record = await FulfilmentFixture.RecordAsync(app, parties, agreement, item, doctor, month.AddDays(k));
            if (k < item.Frequency - 1)
            {
                await FulfilmentFixture.AnswerAsync(app, parties, agreement, record.Id, null);
            }
        }

        var lines = (await FulfilmentFixture.LinesAsync(app, parties, agreement.Id))
            .Where(l => l.PeriodEnd.Year == month.Year && l.PeriodEnd.Month == month.Month).ToList();
        var rate = FulfilmentRate.Of(lines.Sum(l => (long)FulfilmentRate.Counted(l.Confirmed, l.Agreed)), lines.Sum(l => (long)l.Agreed))!.Value;
        return (parties, month, rate);
    }

    private Task<Domain.Agreements.Agreement> OnlyAgreementAsync(TestParties parties) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Agreements, a => a.ElderCareInstitutionId == parties.HomeId));

    private static List<SheetRow> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return TabularFile.Read(stream, "export.xlsx");
    }
}
