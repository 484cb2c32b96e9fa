using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// ADR 054, as the platform operator sees it: from the menu's 城市租户 to 新增城市, a county line refused next to the
/// field with everything typed kept, then the city created and its first admin's password shown once; the new admin
/// signs in at the city's own address and finds the counties. Screenshots at 1366, 768 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PlatformJourneyTests(BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 800), (768, 1024), (390, 844)];

    [Fact]
    public async Task Operator_AddsACity_AndItsAdminSignsInThere()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/login");
        await page.GetByLabel("电子邮箱").FillAsync("platform@yiyang.demo");
        await page.GetByLabel("密码").FillAsync(TestSupport.PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/platform");
        await page.GetByRole(AriaRole.Link, new() { Name = "城市租户", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/platform/tenants");
        await ShootAsync(page, "platform-journey-tenants");
        await page.GetByTestId("new-city").ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/platform/tenants/new");

        await page.GetByLabel("城市名称").FillAsync("丽水市");
        await page.GetByLabel("行政区划代码").FillAsync("331100");
        await page.GetByLabel("租户标识").FillAsync("lishui");
        await page.Locator("#Counties").FillAsync("331102 莲都区\n330602 越城区");
        await page.GetByLabel("姓名").FillAsync("丽水管理员");
        await page.GetByLabel("电子邮箱").FillAsync("admin@lishui.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建城市", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field-error=Counties]"))
            .ToContainTextAsync("第 2 行：区县代码“330602”应以本市代码的前 4 位“3311”开头。");
        await Assertions.Expect(page.GetByLabel("租户标识")).ToHaveValueAsync("lishui");
        await ShootAsync(page, "platform-journey-refused");

        await page.Locator("#Counties").FillAsync("331102 莲都区\n331121 青田县\n331181 龙泉市");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建城市", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("city-created")).ToContainTextAsync("已新增丽水市");
        var password = (await page.GetByTestId("issued-password").InnerTextAsync()).Trim();
        Assert.Equal(16, password.Length);
        await ShootAsync(page, "platform-journey-created");
        await page.Context.CloseAsync();

        var admin = await browser.NewPageAsync();
        await admin.GotoAsync($"{browser.BaseUrl}/lishui/login");
        await admin.GetByLabel("电子邮箱").FillAsync("admin@lishui.test");
        await admin.GetByLabel("密码").FillAsync(password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync($"{browser.BaseUrl}/lishui/admin");
        await Assertions.Expect(admin.GetByText("青田县", new() { Exact = true })).ToBeVisibleAsync();
        await ShootAsync(admin, "platform-journey-new-admin-home");
        await admin.Context.CloseAsync();
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"w{width}-{name}");
        }

        await page.SetViewportSizeAsync(1366, 800);
    }
}
