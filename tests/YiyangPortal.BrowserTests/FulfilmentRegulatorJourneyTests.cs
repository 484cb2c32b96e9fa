using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 15 in the browser: the county's 卫健 bureau reads the clinic's 履约率 on 履约监管; the home confirms the
/// record still pending; the bureau's rate for the clinic goes up. The page fits a phone (390 px). The data is the
/// test's own (a county, home and clinic of its own in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class FulfilmentRegulatorJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task HomeConfirmsAPendingRecord_AndTheRegulatorsRateGoesUp()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var (_, agreement, doctor) = await FulfilmentFixture.InForceAsync(browser.App, parties);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var month = FulfilmentFixture.FirstFullMonth(agreement);
        var pendingDay = month.AddDays(item.Frequency - 1);
        for (var k = 0; k < item.Frequency; k++)
        {
            var record = await FulfilmentFixture.RecordAsync(browser.App, parties, agreement, item, doctor, month.AddDays(k));
            if (k < item.Frequency - 1)
            {
                await FulfilmentFixture.AnswerAsync(browser.App, parties, agreement, record.Id, null);
            }
        }

        var oversight = $"{browser.BaseUrl}/{Tenant}/regulator/fulfilment?from={month:yyyy-MM}&to={month:yyyy-MM}";
        var regulator = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.HealthEmail, $"/{Tenant}/regulator");
        await regulator.GetByRole(AriaRole.Link, new() { Name = "履约监管" }).First.ClickAsync();
        await Assertions.Expect(regulator.GetByRole(AriaRole.Heading, new() { Name = "履约监管" })).ToBeVisibleAsync();
        await regulator.GotoAsync(oversight);
        var before = await RateAsync(regulator, parties.ClinicId);
        await BrowserFixture.ScreenshotAsync(regulator, "fulfilment-regulator-county");

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={month:yyyy-MM}");
        var row = home.Locator("[data-testid=records] tbody tr", new() { HasText = pendingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已确认");

        await regulator.GotoAsync(oversight);
        var after = await RateAsync(regulator, parties.ClinicId);
        Assert.True(after > before, $"the rate went from {before}% to {after}%");
        await regulator.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(regulator, "fulfilment-regulator-county-390");

        // The bureau opens the records behind the rate (ADR 047): read only, the home's answer shown.
        await regulator.SetViewportSizeAsync(1366, 900);
        await regulator.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}");
        await regulator.GetByTestId("fulfilment-link").ClickAsync();
        await regulator.WaitForURLAsync("**/fulfilment");
        await regulator.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={month:yyyy-MM}");
        await Assertions.Expect(regulator.GetByTestId("regulator-view")).ToBeVisibleAsync();
        var seen = regulator.Locator("[data-testid=records] tbody tr", new() { HasText = pendingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).First;
        await Assertions.Expect(seen).ToContainTextAsync("已确认");
        await Assertions.Expect(regulator.GetByTestId("record-form")).ToHaveCountAsync(0);
        await Assertions.Expect(regulator.GetByRole(AriaRole.Button, new() { Name = "确认" })).ToHaveCountAsync(0);
        foreach (var width in new[] { 1366, 768, 390 })
        {
            await regulator.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(regulator, $"fulfilment-regulator-records-{width}");
        }

        await home.Context.CloseAsync();
        await regulator.Context.CloseAsync();
    }

    [Fact]
    public async Task CityLevelPage_FitsAPhone()
    {
        var city = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "city@shaoxing.demo", "/shaoxing/regulator");
        await city.GotoAsync($"{browser.BaseUrl}/shaoxing/regulator/fulfilment");
        await Assertions.Expect(city.GetByTestId("county-table")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(city, "fulfilment-regulator-city");
        await city.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(city, "fulfilment-regulator-city-390");
        await city.Context.CloseAsync();
    }

    private static async Task<double> RateAsync(IPage page, Guid institutionId)
    {
        var text = await page.Locator($"tr[data-id=\"{institutionId}\"] [data-testid=rate]").InnerTextAsync();
        return double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture);
    }
}
