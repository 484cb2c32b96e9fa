using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Common;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// ADR 044 and 045 in the browser: a 补充协议 in force from day D adds 康复技能指导 and raises the 年度健康服务费. The
/// clinic's record form offers the added item in D's month and records it on D; the home's 费用 page shows the halves
/// that begin under the supplement at the new amount, naming it. The pages fit 1366, 768 and 390 px. The data is the
/// test's own (a county, home and clinic of its own in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class SupplementFulfilmentJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    private const string Added = "康复技能指导";

    [Fact]
    public async Task ClinicRecordsTheAddedItem_AndTheHomeSeesTheNewFee()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var (_, agreement, _) = await FulfilmentFixture.InForceAsync(browser.App, parties);
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var newFee = agreement.Terms.AnnualHealthServiceFee!.Value + Money.FromYuan(6_000m);
        var supplement = await FulfilmentFixture.SupplementAddingAsync(browser.App, parties, agreement, "REHAB-GUIDE", 4, at, (s, by) =>
            s.UpdateTerms(by, s.Terms with { AnnualHealthServiceFee = newFee }));
        var day = BeijingTime.DateOf(at);
        var added = supplement.Items.Single(i => i.Name.StartsWith(Added, StringComparison.Ordinal));

        var clinic = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.ClinicEmail, $"/{Tenant}/medical");
        await clinic.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={day:yyyy-MM}");
        await clinic.Locator("#AgreementItemId").SelectOptionAsync(new SelectOptionValue { Label = added.Name });
        await clinic.Locator("#ServiceDate").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await clinic.Locator("#StaffMemberId").SelectOptionAsync(new SelectOptionValue { Label = "吴医生（中级）" });
        await clinic.Locator("#ResidentsServed").FillAsync("12");
        await clinic.Locator("#DurationMinutes").FillAsync("60");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        var row = clinic.Locator("[data-testid=records] tbody tr", new() { HasText = added.Name }).First;
        await Assertions.Expect(row).ToContainTextAsync("待确认");
        await ScreenshotsAsync(clinic, "supplement-added-item");

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fees");
        await Assertions.Expect(home.GetByTestId("annual-fee")).ToContainTextAsync(supplement.DocumentNumber);
        await Assertions.Expect(home.GetByText($"按补充协议 {supplement.DocumentNumber} 调整").First).ToBeVisibleAsync();
        await ScreenshotsAsync(home, "supplement-fees");
        await clinic.Context.CloseAsync();
        await home.Context.CloseAsync();
    }

    [Fact]
    public async Task ASupplementEndingTheFee_TheHomeSeesTheWaivedHalvesAndWhy()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var (_, agreement, _) = await FulfilmentFixture.InForceAsync(browser.App, parties);
        var supplement = await FulfilmentFixture.SupplementAddingAsync(browser.App, parties, agreement, "REHAB-GUIDE", 4, DateTimeOffset.UtcNow.AddDays(-30), (s, by) =>
            s.UpdateTerms(by, s.Terms with { AnnualHealthServiceFee = Money.FromYuan(0m) }));

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fees");
        await Assertions.Expect(home.GetByTestId("fee-waived")).ToContainTextAsync($"按补充协议 {supplement.DocumentNumber}，自 ");
        await Assertions.Expect(home.GetByText($"按补充协议 {supplement.DocumentNumber} 不再收取").First).ToBeVisibleAsync();
        await ScreenshotsAsync(home, "supplement-fee-waived");
        await home.Context.CloseAsync();
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1366, 768, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(1366, 900);
    }
}
