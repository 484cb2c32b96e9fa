using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 15 in the browser: the 服务日历 on the fulfilment page (a month grid, Monday first, from 768 px; the days with
/// visits as a list on a phone; days outside the term greyed), and the agreement page's 履约记录 card linking the
/// 履约情况报告 with its 履约率, for the home and the county regulator. The data is the test's own (温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class FulfilmentCalendarJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task Calendar_ShowsEachVisitOnItsDay_AsAGridOrAList()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var (_, agreement, doctor) = await FulfilmentFixture.InForceAsync(browser.App, parties);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var firstDay = agreement.ServiceDays()!.Value.From;
        var month = new DateOnly(firstDay.Year, firstDay.Month, 1);
        var confirmed = await FulfilmentFixture.RecordAsync(browser.App, parties, agreement, item, doctor, firstDay);
        await FulfilmentFixture.AnswerAsync(browser.App, parties, agreement, confirmed.Id, null);
        await FulfilmentFixture.RecordAsync(browser.App, parties, agreement, item, doctor, firstDay.AddDays(1));

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={month:yyyy-MM}");
        var calendar = home.GetByTestId("visit-calendar");
        await Assertions.Expect(calendar).ToBeVisibleAsync();
        var day = calendar.Locator($"[data-day=\"{Day(firstDay)}\"]");
        await Assertions.Expect(day).ToContainTextAsync($"{item.Name} · 已确认");
        await Assertions.Expect(calendar.Locator($"[data-day=\"{Day(firstDay.AddDays(1))}\"]")).ToContainTextAsync("待确认");
        Assert.Equal(0, (await calendar.Locator(".visit-day").CountAsync()) % 7);
        if (firstDay.Day > 1)
        {
            await Assertions.Expect(calendar.Locator($"[data-day=\"{Day(month)}\"]")).ToHaveAttributeAsync("data-in-term", "false");
        }

        await home.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(calendar.Locator(".visit-weekday-head").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(home, "w1366-fulfilment-calendar");
        await home.SetViewportSizeAsync(768, 1024);
        await BrowserFixture.ScreenshotAsync(home, "w768-fulfilment-calendar");
        await home.SetViewportSizeAsync(390, 844);
        // A phone: the days with visits as a list, the empty days and the weekday row hidden.
        await Assertions.Expect(calendar.Locator(".visit-weekday-head").First).ToBeHiddenAsync();
        await Assertions.Expect(day).ToBeVisibleAsync();
        await Assertions.Expect(calendar.Locator($"[data-day=\"{Day(firstDay.AddDays(2))}\"]")).ToBeHiddenAsync();
        await day.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(home, "w390-fulfilment-calendar");
        await home.Context.CloseAsync();
    }

    [Fact]
    public async Task AgreementPage_LinksTheReport_WithItsRate_ForTheHomeAndTheRegulator()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var (_, agreement, doctor) = await FulfilmentFixture.InForceAsync(browser.App, parties);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var month = FulfilmentFixture.FirstFullMonth(agreement);
        var record = await FulfilmentFixture.RecordAsync(browser.App, parties, agreement, item, doctor, month);
        await FulfilmentFixture.AnswerAsync(browser.App, parties, agreement, record.Id, null);

        foreach (var (email, home, name) in new[]
        {
            (parties.StaffEmail, $"/{Tenant}/eldercare", "staff"),
            (parties.HealthEmail, $"/{Tenant}/regulator", "regulator"),
        })
        {
            var page = await SignInJourneyTests.SignInAsync(browser, Tenant, email, home);
            await page.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}");
            var card = page.GetByTestId("fulfilment-record");
            await Assertions.Expect(card).ToContainTextAsync("履约率");
            var href = await page.GetByTestId("report-link").GetAttributeAsync("href");
            Assert.Contains("/fulfilment/report?year=1", href, StringComparison.Ordinal);
            var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
            Assert.Equal(200, response.Status);
            Assert.Equal("application/pdf", response.Headers["content-type"]);
            foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await card.ScrollIntoViewIfNeededAsync();
                await BrowserFixture.ScreenshotAsync(page, $"w{width}-fulfilment-report-card-{name}");
            }

            await page.Context.CloseAsync();
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
