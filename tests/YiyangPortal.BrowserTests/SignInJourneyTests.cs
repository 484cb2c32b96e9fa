using System.Text.RegularExpressions;
using Microsoft.Playwright;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>Each role signs in through the Chinese login form and lands on its own home with its own navigation.</summary>
[Collection(BrowserCollection.Name)]
public partial class SignInJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("shaoxing", "admin@shaoxing.demo", "/shaoxing/admin", "养老服务机构", "tenant-admin")]
    [InlineData("shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare", "新建协议", "eldercare-staff")]
    [InlineData("shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical", "收费标准", "medical-admin")]
    [InlineData("shaoxing", "minzheng@shaoxing.demo", "/shaoxing/regulator", "备案审查", "regulator-county")]
    [InlineData("shaoxing", "city@shaoxing.demo", "/shaoxing/regulator", "统计分析", "regulator-city")]
    [InlineData("wenzhou", "staff@wenzhou.demo", "/wenzhou/eldercare", "签约协议", "eldercare-staff-wenzhou")]
    [InlineData("", "platform@yiyang.demo", "/platform", "城市租户", "platform-admin")]
    public async Task Role_SignsIn_AndSeesItsHomeAndNavigation(string tenant, string email, string home, string navItem, string shot)
    {
        var page = await browser.NewPageAsync();
        // A tenant's root sends to its login; the platform root lists the cities, so platform admins use /login.
        await page.GotoAsync(browser.BaseUrl + (tenant.Length == 0 ? "/login" : "/" + tenant + "/"));

        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        try
        {
            await page.WaitForURLAsync(browser.BaseUrl + home);
        }
        catch (TimeoutException)
        {
            await BrowserFixture.ScreenshotAsync(page, "FAILED-" + shot);
            throw new TimeoutException($"Still on {page.Url} after signing in as {email}.");
        }

        Assert.Contains(navItem, await page.Locator("nav").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(email == "platform@yiyang.demo" ? "平台管理员" : "·", await page.GetByTestId("current-user").GetAttributeAsync("title") ?? string.Empty, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "home-" + shot);
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in through the form and waits for the role's home page.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, string tenant, string email, string home)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/{tenant}/login");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + home);
        return page;
    }

    [Fact]
    public async Task EmptyLogin_ShowsChineseErrorsNextToTheFields()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/shaoxing/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for=Email]")).ToHaveTextAsync("请输入电子邮箱。");
        await Assertions.Expect(page.Locator("[data-valmsg-for=Password]")).ToHaveTextAsync("请输入密码。");
        await BrowserFixture.ScreenshotAsync(page, "login-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WenzhouUser_FollowingAShaoxingLink_GetsShaoxingsLoginPage()
    {
        var page = await SignInAsync(browser, "wenzhou", "staff@wenzhou.demo", "/wenzhou/eldercare");

        await page.GotoAsync(browser.BaseUrl + "/shaoxing/eldercare");

        Assert.Matches(LoginUrl(), page.Url);
        Assert.Contains("绍兴市", await page.Locator("h1 + p").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_OnATablet()
    {
        var page = await browser.NewPageAsync(820, 1180);
        await page.GotoAsync(browser.BaseUrl + "/shaoxing/login");
        await BrowserFixture.ScreenshotAsync(page, "login-tablet-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await BrowserFixture.ScreenshotAsync(page, "login-tablet-en");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/shaoxing/login\\?ReturnUrl=")]
    private static partial Regex LoginUrl();
}
