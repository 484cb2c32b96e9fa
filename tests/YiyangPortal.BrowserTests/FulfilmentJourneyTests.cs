using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 15 in the browser: the clinic puts a doctor on its roster and records two visits; the home confirms one and
/// disputes the other; the clinic corrects the disputed one, which waits for the home again. The data is the test's
/// own (a county, home and clinic of its own in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class FulfilmentJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task ClinicRecords_HomeConfirmsAndDisputes_ClinicCorrects()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var item = agreement.IncludedItems.First(i => i.Clause is null && i.Frequency > 0);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var second = today.Day > 2 ? today.AddDays(-1) : today.AddDays(-today.Day); // two days of one month, both past
        var first = second.AddDays(-1);
        var url = $"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={first:yyyy-MM}";

        var clinic = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.ClinicEmail, $"/{Tenant}/medical");
        await clinic.GotoAsync(url);
        await clinic.Locator("#StaffName").FillAsync("吴医生");
        await clinic.Locator("#StaffTitle").SelectOptionAsync(new SelectOptionValue { Label = "中级" });
        await clinic.GetByRole(AriaRole.Button, new() { Name = "加入名册" }).ClickAsync();
        foreach (var day in new[] { first, second })
        {
            await clinic.GotoAsync(url);
            await clinic.Locator("#AgreementItemId").SelectOptionAsync(new SelectOptionValue { Label = item.Name });
            await clinic.Locator("#ServiceDate").FillAsync(Day(day));
            await clinic.Locator("#StaffMemberId").SelectOptionAsync(new SelectOptionValue { Label = "吴医生（中级）" });
            await clinic.Locator("#ResidentsServed").FillAsync("18");
            await clinic.Locator("#DurationMinutes").FillAsync("90");
            await clinic.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
            await Assertions.Expect(Row(clinic, day)).ToContainTextAsync("待确认");
        }

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync(url);
        await BrowserFixture.ScreenshotAsync(home, "fulfilment-home-to-confirm");
        await Row(home, first).GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(Row(home, first)).ToContainTextAsync("已确认");
        await Row(home, second).GetByPlaceholder("异议理由").FillAsync("实到 12 人");
        await Row(home, second).GetByRole(AriaRole.Button, new() { Name = "有异议" }).ClickAsync();
        await Assertions.Expect(Row(home, second)).ToContainTextAsync("实到 12 人");

        await clinic.GotoAsync(url);
        await Row(clinic, second).GetByRole(AriaRole.Link, new() { Name = "更正" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("correcting")).ToBeVisibleAsync();
        await Assertions.Expect(clinic.Locator("#ResidentsServed")).ToHaveValueAsync("18");
        await clinic.Locator("#ResidentsServed").FillAsync("12");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(clinic.Locator("[data-testid=records] tbody tr", new() { HasText = "已被更正" })).ToHaveCountAsync(1);
        await Assertions.Expect(clinic.Locator("[data-testid=records] tbody tr", new() { HasText = "更正" }).Filter(new() { HasText = "待确认" }))
            .ToHaveCountAsync(1);
        await clinic.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(clinic, "fulfilment-clinic-corrected-390");
        await home.Context.CloseAsync();
        await clinic.Context.CloseAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ILocator Row(IPage page, DateOnly day) =>
        page.Locator("[data-testid=records] tbody tr", new() { HasText = Day(day) }).First;
}
