using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Every role's pages at desktop (1366 px), tablet (768 px) and phone (390 px) width: each opens without an error,
/// nothing scrolls sideways (wide tables scroll inside their own box), and a screenshot per page and width is kept in
/// .local/screenshots/ as w{width}-{role}-{page}.png to be looked at. Console errors and CSP violations fail the test
/// (<see cref="PageProblems"/>). Each page is loaded once and resized through the three widths.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageWidthTests(BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 800), (768, 1024), (390, 844)];

    [Fact]
    public async Task PublicPages_FitEveryWidth()
    {
        var page = await browser.NewPageAsync();
        await VisitAsync(page, "/", "visitor-cities");
        await VisitAsync(page, "/login", "visitor-platform-login");
        await VisitAsync(page, "/shaoxing/login", "visitor-login");
        await VisitAsync(page, "/shaoxing/public", "visitor-public-eldercare");
        var verify = await FirstHrefAsync(page, "[data-testid=public-institution] a[href*='/verify/']");
        await VisitAsync(page, "/shaoxing/public?tab=medical", "visitor-public-medical");
        await VisitAsync(page, "/shaoxing/verify", "visitor-verify-empty");
        await VisitAsync(page, verify ?? "/shaoxing/verify/SX-DEMO-F001", "visitor-verify");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ElderCareStaffPages_FitEveryWidth()
    {
        var page = await SignInAsync("staff@shaoxing.demo", "/shaoxing/eldercare");
        await CheckAsync(page, "staff-home");
        await VisitAsync(page, "/shaoxing/agreements", "staff-agreements");
        var any = await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a");
        await VisitAsync(page, "/shaoxing/agreements?status=Effective", "staff-agreements-effective");
        await VisitAsync(page, await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") ?? any, "staff-agreement-detail");
        await VisitAsync(page, "/shaoxing/agreements?status=Draft", "staff-agreements-draft");
        if (await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") is { } draft)
        {
            await VisitAsync(page, draft + "/edit", "staff-agreement-edit");
        }

        await VisitAsync(page, "/shaoxing/agreements/new", "staff-agreement-new");
        await VisitAsync(page, "/shaoxing/filings", "staff-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), "staff-filing-detail");
        await VisitAsync(page, "/shaoxing/institutions/medical", "staff-medical-directory");
        await VisitAsync(page, "/shaoxing/eldercare/six-ones", "staff-six-ones");
        await VisitAsync(page, "/shaoxing/profile", "staff-profile");
        await VisitAsync(page, "/shaoxing/seal", "staff-seal");
        await VisitAsync(page, "/shaoxing/inbox", "staff-inbox");
        await VisitAsync(page, "/shaoxing/account/password", "staff-password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MedicalAdminPages_FitEveryWidth()
    {
        var page = await SignInAsync("clinic@shaoxing.demo", "/shaoxing/medical");
        await CheckAsync(page, "clinic-home");
        await VisitAsync(page, "/shaoxing/agreements", "clinic-agreements");
        var any = await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a");
        await VisitAsync(page, "/shaoxing/agreements?status=PendingMedicalReview", "clinic-agreements-pending");
        await VisitAsync(page, await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a") ?? any, "clinic-agreement-review");
        await VisitAsync(page, "/shaoxing/agreements?status=Effective", "clinic-agreements-effective");
        var effective = await FirstHrefAsync(page, "[data-testid=agreement-list] tbody a");
        await VisitAsync(page, effective + "/fulfilment", "clinic-fulfilment");
        await VisitAsync(page, effective + "/fulfilment/grid", "clinic-fulfilment-grid");
        await VisitAsync(page, effective + "/supervision", "clinic-supervision");
        await VisitAsync(page, "/shaoxing/medical/fees", "clinic-fee-schedule");
        await VisitAsync(page, "/shaoxing/medical/staff", "clinic-roster");
        await VisitAsync(page, await FirstHrefAsync(page, "[data-testid=roster] a[href$='/edit']"), "clinic-roster-edit");
        await VisitAsync(page, "/shaoxing/medical/training", "clinic-training");
        await VisitAsync(page, "/shaoxing/filings", "clinic-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), "clinic-filing-detail");
        await VisitAsync(page, "/shaoxing/profile", "clinic-profile");
        await VisitAsync(page, "/shaoxing/seal", "clinic-seal");
        await VisitAsync(page, "/shaoxing/inbox", "clinic-inbox");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RegulatorPages_FitEveryWidth()
    {
        var county = await SignInAsync("minzheng@shaoxing.demo", "/shaoxing/regulator");
        await CheckAsync(county, "regulator-county-home");
        await VisitAsync(county, "/shaoxing/regulator/dashboard", "regulator-county-dashboard");
        await VisitAsync(county, "/shaoxing/agreements", "regulator-county-agreements");
        await VisitAsync(county, await FirstHrefAsync(county, "[data-testid=agreement-list] tbody a") + "/supervision", "regulator-county-supervision");
        await county.Context.CloseAsync();

        var page = await SignInAsync("city@shaoxing.demo", "/shaoxing/regulator");
        await CheckAsync(page, "regulator-city-home");
        await VisitAsync(page, "/shaoxing/filings", "regulator-filings");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/filings/']"), "regulator-filing-detail");
        await VisitAsync(page, "/shaoxing/regulator/dashboard", "regulator-city-dashboard");
        await VisitAsync(page, "/shaoxing/institutions/medical", "regulator-medical-directory");
        await VisitAsync(page, "/shaoxing/inbox", "regulator-inbox");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TenantAdminPages_FitEveryWidth()
    {
        var page = await SignInAsync("admin@shaoxing.demo", "/shaoxing/admin");
        await CheckAsync(page, "admin-home");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/admin/counties/']"), "admin-county-bureaus");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare", "admin-eldercare-register");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/admin/institutions/eldercare/']"), "admin-eldercare-edit");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare/new", "admin-eldercare-new");
        await VisitAsync(page, "/shaoxing/admin/institutions/eldercare/import", "admin-eldercare-import");
        await VisitAsync(page, "/shaoxing/admin/institutions/medical", "admin-medical-register");
        await VisitAsync(page, await FirstHrefAsync(page, "tbody a[href*='/admin/institutions/medical/']"), "admin-medical-edit");
        await VisitAsync(page, "/shaoxing/admin/catalogue", "admin-catalogue");
        await VisitAsync(page, await FirstHrefAsync(page, "a[href*='/admin/catalogue/']:not([href$='/new'])"), "admin-catalogue-item");
        await VisitAsync(page, "/shaoxing/admin/targets", "admin-targets");
        await VisitAsync(page, "/shaoxing/admin/holidays?year=2026", "admin-holidays");
        await VisitAsync(page, "/shaoxing/admin/accounts", "admin-accounts");
        await VisitAsync(page, "/shaoxing/admin/accounts/new", "admin-accounts-new");
        await VisitAsync(page, "/shaoxing/inbox", "admin-inbox");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PlatformAdminPages_FitEveryWidth()
    {
        var page = await SignInAsync("platform@yiyang.demo", "/platform", tenant: string.Empty);
        await CheckAsync(page, "platform-home");
        await VisitAsync(page, "/platform/tenants", "platform-tenants");
        await VisitAsync(page, "/platform/tenants/new", "platform-tenant-new");
        await VisitAsync(page, "/platform/status", "platform-status");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The showcase's 补充协议 (ADR 048) as the clinic sees it: its original's page, the 履约情况 of the month it came
    /// into force (the added item's share), the 费用 page (the raised 下半年); the 履约情况报告 is kept next to the
    /// screenshots as clinic-supplemented-report.pdf to be looked at.
    /// </summary>
    [Fact]
    public async Task ClinicSupplementedAgreementPages_FitEveryWidth()
    {
        var (id, effectiveAt) = await TestSupport.TestData.InTenantAsync(browser.App, "shaoxing", async db =>
        {
            var supplement = await db.Agreements.Where(a => a.SupplementToId != null && a.EffectiveAtUtc != null
                    && db.MedicalInstitutions.Any(m => m.Id == a.MedicalInstitutionId && m.Name == "塔山街道社区卫生服务中心"))
                .Select(a => new { Original = a.SupplementToId!.Value, At = a.EffectiveAtUtc!.Value }).SingleAsync();
            return (supplement.Original, supplement.At);
        });
        var month = Domain.Common.BeijingTime.DateOf(effectiveAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var page = await SignInAsync("clinic@shaoxing.demo", "/shaoxing/medical");
        await VisitAsync(page, $"/shaoxing/agreements/{id}", "clinic-supplemented-agreement");
        await VisitAsync(page, $"/shaoxing/agreements/{id}/fulfilment?month={month}", "clinic-supplemented-fulfilment");
        await VisitAsync(page, $"/shaoxing/agreements/{id}/fees", "clinic-supplemented-fees");
        var report = await page.Context.APIRequest.GetAsync($"{browser.BaseUrl}/shaoxing/agreements/{id}/fulfilment/report");
        Assert.True(report.Ok, $"report answered {report.Status}");
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "clinic-supplemented-report.pdf"), await report.BodyAsync());
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string email, string home, string tenant = "shaoxing")
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/{tenant}/login".Replace("//login", "/login", StringComparison.Ordinal));
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(TestSupport.PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + home);
        return page;
    }

    private async Task VisitAsync(IPage page, string? path, string name)
    {
        if (path is null)
        {
            throw new Xunit.Sdk.XunitException($"No link to {name} on {page.Url}: the demo data should provide one.");
        }

        var response = await page.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : browser.BaseUrl + path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
        await CheckAsync(page, name);
    }

    /// <summary>A screenshot at each width; it fails on page problems and on sideways scrolling.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserFixture.ScreenshotAsync(page, $"w{width}-{name}");
        }
    }

    /// <summary>The first matching link's address, or null when the page has none.</summary>
    private static async Task<string?> FirstHrefAsync(IPage page, string selector)
    {
        var links = page.Locator(selector);
        return await links.CountAsync() == 0 ? null : await links.First.GetAttributeAsync("href");
    }
}
