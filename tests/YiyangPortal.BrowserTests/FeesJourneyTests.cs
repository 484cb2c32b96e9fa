using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 15 费用 in the browser (ADR 035): the home records the 上半年 payment from the agreement page's 费用 link, the
/// clinic confirms its receipt, and the clinic's 合作费用备查账 shows it with the year's total. The data is the test's own
/// (a county, home and clinic of its own in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class FeesJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task HomePays_ClinicConfirms_LedgerShowsIt()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var amount = agreement.Terms.FirstHalfInstalment!.Value.ToString();
        var paidOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-2);

        var home = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, $"/{Tenant}/eldercare");
        await home.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}");
        await home.GetByTestId("fees-link").ClickAsync();
        await Assertions.Expect(home.GetByTestId("instalments")).ToContainTextAsync("上半年");
        await home.Locator("#PaidOn").FillAsync(paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await home.Locator("#Method").SelectOptionAsync(new SelectOptionValue { Label = "银行转账" });
        await home.Locator("#Reference").FillAsync("转账流水 0001");
        await home.GetByRole(AriaRole.Button, new() { Name = "登记付款" }).ClickAsync();
        await Assertions.Expect(home.GetByTestId("payments")).ToContainTextAsync("待确认收款");
        await BrowserFixture.ScreenshotAsync(home, "fees-home-paid");
        await home.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(home, "fees-home-paid-390");
        await home.SetViewportSizeAsync(1366, 900);

        var clinic = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.ClinicEmail, $"/{Tenant}/medical");
        await clinic.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fees");
        await clinic.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(clinic, "fees-clinic-pending-390");
        await clinic.SetViewportSizeAsync(1366, 900);
        await clinic.GetByRole(AriaRole.Button, new() { Name = "确认收款" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("instalments")).ToContainTextAsync("已确认收款");

        await clinic.GotoAsync($"{browser.BaseUrl}/{Tenant}/medical/ledger?year={paidOn.Year}");
        await Assertions.Expect(clinic.GetByTestId("ledger")).ToContainTextAsync(agreement.DocumentNumber);
        await Assertions.Expect(clinic.GetByTestId("ledger-total")).ToHaveTextAsync(amount);
        await BrowserFixture.ScreenshotAsync(clinic, "fees-ledger");
        await clinic.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(clinic, "fees-ledger-390");
        await home.Context.CloseAsync();
        await clinic.Context.CloseAsync();
    }
}
