using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Every role's pages at desktop (1366 px), tablet (768 px) and phone (390 px) width: each opens without an error,
/// nothing scrolls sideways (wide tables scroll inside their own box), and a screenshot per page and width is kept in
/// .local/screenshots/ as w{width}-{role}-{page}.png to be looked at. Console errors and CSP violations fail the test
/// (<see cref="PageProblems"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageWidthTests(BrowserFixture browser)
{
    public static TheoryData<int> Widths => [1366, 768, 390];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task PublicPages_FitTheWidth(int width)
    {
        var page = await NewPageAsync(width);
        await VisitAsync(page, "/", width, "visitor-cities");
        await VisitAsync(page, "/login", width, "visitor-platform-login");
        await VisitAsync(page, "/shaoxing/login", width, "visitor-login");
        await VisitAsync(page, "/shaoxing/public", width, "visitor-public-eldercare");
        var verify = await FirstHrefAsync(page, "[data-testid=public-institution] a[href*='/verify/']");
        await VisitAsync(page, "/shaoxing/public?tab=medical", width, "visitor-public-medical");
        await VisitAsync(page, "/shaoxing/verify", width, "visitor-verify-empty");
        await VisitAsync(page, verify ?? "/shaoxing/verify/SX-DEMO-F001", width, "visitor-verify");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task ElderCareStaffPages_FitTheWidth(int width)
    {
        var page = await SignInAsync("staff@shaoxing.demo", "/shaoxing/eldercare", width);
        await CheckAsync(page, width, "staff-home");
        await VisitAsync(page, "/shaoxing/agreements", width, "staff-agreements");
        var any = await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a");
        await VisitAsync(page, "/shaoxing/agreements?status=Effective", width, "staff-agreements-effective");
        await VisitAsync(page, await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") ?? any, width, "staff-agreement-detail");
        await VisitAsync(page, "/shaoxing/agreements?status=Draft", width, "staff-agreements-draft");
        if (await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") is { } draft)
        {
            await VisitAsync(page, draft + "/edit", width, "staff-agreement-edit");
        }

        await VisitAsync(page, "/shaoxing/agreements/new", width, "staff-agreement-new");
        await VisitAsync(page, "/shaoxing/filings", width, "staff-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), width, "staff-filing-detail");
        await VisitAsync(page, "/shaoxing/institutions/medical", width, "staff-medical-directory");
        await VisitAsync(page, "/shaoxing/profile", width, "staff-profile");
        await VisitAsync(page, "/shaoxing/inbox", width, "staff-inbox");
        await VisitAsync(page, "/shaoxing/account/password", width, "staff-password");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task MedicalAdminPages_FitTheWidth(int width)
    {
        var page = await SignInAsync("clinic@shaoxing.demo", "/shaoxing/medical", width);
        await CheckAsync(page, width, "clinic-home");
        await VisitAsync(page, "/shaoxing/agreements", width, "clinic-agreements");
        var any = await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a");
        await VisitAsync(page, "/shaoxing/agreements?status=PendingMedicalReview", width, "clinic-agreements-pending");
        await VisitAsync(page, await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") ?? any, width, "clinic-agreement-review");
        await VisitAsync(page, "/shaoxing/medical/fees", width, "clinic-fee-schedule");
        await VisitAsync(page, "/shaoxing/filings", width, "clinic-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), width, "clinic-filing-detail");
        await VisitAsync(page, "/shaoxing/profile", width, "clinic-profile");
        await VisitAsync(page, "/shaoxing/inbox", width, "clinic-inbox");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task RegulatorPages_FitTheWidth(int width)
    {
        var county = await SignInAsync("minzheng@shaoxing.demo", "/shaoxing/regulator", width);
        await CheckAsync(county, width, "regulator-county-home");
        await VisitAsync(county, "/shaoxing/regulator/dashboard", width, "regulator-county-dashboard");
        await county.Context.CloseAsync();

        var page = await SignInAsync("city@shaoxing.demo", "/shaoxing/regulator", width);
        await CheckAsync(page, width, "regulator-city-home");
        await VisitAsync(page, "/shaoxing/filings", width, "regulator-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), width, "regulator-filing-detail");
        await VisitAsync(page, "/shaoxing/regulator/dashboard", width, "regulator-city-dashboard");
        await VisitAsync(page, "/shaoxing/institutions/medical", width, "regulator-medical-directory");
        await VisitAsync(page, "/shaoxing/inbox", width, "regulator-inbox");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TenantAdminPages_FitTheWidth(int width)
    {
        var page = await SignInAsync("admin@shaoxing.demo", "/shaoxing/admin", width);
        await CheckAsync(page, width, "admin-home");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare", width, "admin-eldercare-register");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/admin/institutions/eldercare/']"), width, "admin-eldercare-edit");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare/new", width, "admin-eldercare-new");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare/import", width, "admin-eldercare-import");
        await VisitAsync(page, "/shaoxing/admin/institutions/medical", width, "admin-medical-register");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/admin/institutions/medical/']"), width, "admin-medical-edit");
        await VisitAsync(page, "/shaoxing/admin/catalogue", width, "admin-catalogue");
        await VisitAsync(page, await FirstHrefAsync(page, "a[href*='/admin/catalogue/']:not([href$='/new'])"), width, "admin-catalogue-item");
        await VisitAsync(page, "/shaoxing/admin/accounts", width, "admin-accounts");
        await VisitAsync(page, "/shaoxing/admin/accounts/new", width, "admin-accounts-new");
        await VisitAsync(page, "/shaoxing/inbox", width, "admin-inbox");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task PlatformAdminPages_FitTheWidth(int width)
    {
        var page = await SignInAsync("platform@yiyang.demo", "/platform", width, tenant: string.Empty);
        await CheckAsync(page, width, "platform-home");
        await page.Context.CloseAsync();
    }

    private Task<IPage> NewPageAsync(int width) => browser.NewPageAsync(width, width < 500 ? 844 : width < 1000 ? 1024 : 800);

    private async Task<IPage> SignInAsync(string email, string home, int width, string tenant = "shaoxing")
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync($"{browser.BaseUrl}/{tenant}/login".Replace("//login", "/login", StringComparison.Ordinal));
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(TestSupport.PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + home);
        return page;
    }

    private async Task VisitAsync(IPage page, string? path, int width, string name)
    {
        if (path is null)
        {
            throw new Xunit.Sdk.XunitException($"No link to {name} on {page.Url}: the demo data should provide one.");
        }

        var response = await page.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : browser.BaseUrl + path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
        await CheckAsync(page, width, name);
    }

    private static async Task CheckAsync(IPage page, int width, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, $"w{width}-{name}");
        await BrowserFixture.AssertNoSidewaysScrollAsync(page);
    }

    /// <summary>The first matching link's address, or null when the page has none.</summary>
    private static async Task<string?> FirstHrefAsync(IPage page, string selector)
    {
        var links = page.Locator(selector);
        return await links.CountAsync() == 0 ? null : await links.First.GetAttributeAsync("href");
    }
}
