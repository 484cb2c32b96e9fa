using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// 六个一 in the browser (绍市民〔2024〕6号 二.5): the home sees its card with the health check missing, types more
/// residents checked than due and is told so at the field, corrects it, and the card on its 工作台 shows the check met.
/// The data is the test's own (a county, home and clinic of its own in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class SixOnesJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task Home_EntersItsHealthCheck_AndTheCardChanges()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        var check = home.GetByTestId("six-one-HealthCheck");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-result", "NotMet");
        await BrowserFixture.ScreenshotAsync(home, "six-ones-card-before");

        await home.GetByTestId("six-ones-link").ClickAsync();
        await home.Locator("#CheckedOn").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await home.Locator("#ResidentsDue").FillAsync("40");
        await home.Locator("#ResidentsChecked").FillAsync("45");
        await home.GetByTestId("health-check-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(home.Locator("[data-field-error=ResidentsChecked]")).ToContainTextAsync("不能多于应检人数");
        await Assertions.Expect(home.Locator("#ResidentsDue")).ToHaveValueAsync("40");
        await home.Locator("#ResidentsChecked").FillAsync("38");
        await home.GetByTestId("health-check-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(home.GetByTestId("six-one-HealthCheck")).ToHaveAttributeAsync("data-result", "Met");
        await BrowserFixture.ScreenshotAsync(home, "six-ones-page");

        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/eldercare");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-result", "Met");
        await Assertions.Expect(check).ToContainTextAsync("已体检 38 人 / 应检 40 人");
        await home.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(home, "six-ones-card-390");
        await home.Context.CloseAsync();
    }
}
