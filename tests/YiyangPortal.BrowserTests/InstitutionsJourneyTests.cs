using System.Text;
using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>Issue 3 journeys: a tenant admin imports a file with one bad row; a medical admin publishes a price.</summary>
[Collection(BrowserCollection.Name)]
public class InstitutionsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TenantAdmin_ImportsAFileWithOneBadRow_AndSeesTheRowError()
    {
        var page = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "admin@shaoxing.demo", "/shaoxing/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "养老服务机构" }).First.ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-eldercare-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入" }).ClickAsync();

        var csv = "机构名称,类型,区县,备案（登记）号,统一社会信用代码,地址,床位数,在住人数,内设医疗机构,法定代表人,联系人,联系电话\r\n"
                  + "浏览器导入甲养老院,养老机构,越城区,330602YL2026201,52330602MJ00002019,越城区甲路 1 号,50,30,否,张三,李四,0575-88000201\r\n"
                  + "浏览器导入乙养老院,养老机构,越城区,330602YL2026202,52330602MJ0000202X,越城区乙路 2 号,50,60,否,张三,李四,0575-88000202\r\n";
        await page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload
        {
            Name = "养老机构.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();

        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("文件未导入");
        await Assertions.Expect(errors.Locator("tbody tr").Filter(new() { HasText = "在住人数" })).ToContainTextAsync("3");
        await Assertions.Expect(errors).ToContainTextAsync("养老机构的在住人数不能超过床位数。");
        await BrowserFixture.ScreenshotAsync(page, "admin-import-row-errors");

        await page.GotoAsync(browser.BaseUrl + "/shaoxing/admin/institutions/eldercare?q=浏览器导入");
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("共 0 家");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MedicalAdmin_PublishesAFeeSchedule()
    {
        var page = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical");
        await page.GetByRole(AriaRole.Link, new() { Name = "收费标准" }).ClickAsync();

        var form = page.Locator("#price-form");
        await form.GetByLabel("服务项目").SelectOptionAsync(new SelectOptionValue { Label = "精神卫生和心理健康服务" });
        await form.GetByLabel("价格（元）").FillAsync("-1");
        await form.GetByLabel("单位").SelectOptionAsync(new SelectOptionValue { Label = "次" });
        await form.GetByLabel("支付方式").SelectOptionAsync(new SelectOptionValue { Label = "自费" });
        await form.GetByRole(AriaRole.Button, new() { Name = "发布价格" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field-error=Price]")).ToHaveTextAsync("价格不能为负数。");
        await BrowserFixture.ScreenshotAsync(page, "medical-fee-error");

        await page.Locator("#price-form").GetByLabel("价格（元）").FillAsync("88.50");
        await page.Locator("#price-form").GetByRole(AriaRole.Button, new() { Name = "发布价格" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已发布“精神卫生和心理健康服务”的价格");
        await Assertions.Expect(page.GetByTestId("price-table").Locator("tr").Filter(new() { HasText = "精神卫生和心理健康服务" }))
            .ToContainTextAsync("88.50");

        var fee = page.Locator("#consultation-form");
        await fee.GetByLabel("职称").SelectOptionAsync(new SelectOptionValue { Label = "副高" });
        await fee.GetByLabel("元/次").FillAsync("150");
        await fee.GetByRole(AriaRole.Button, new() { Name = "保存会诊费" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已设置副高会诊费");
        await BrowserFixture.ScreenshotAsync(page, "medical-fee-schedule");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_OfIssue3_RenderForTheirRoles()
    {
        var admin = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "admin@shaoxing.demo", "/shaoxing/admin");
        foreach (var (url, name) in new[]
                 {
                     ("/shaoxing/admin/institutions/medical", "admin-medical-list"),
                     ("/shaoxing/admin/institutions/eldercare/new", "admin-eldercare-new"),
                     ("/shaoxing/admin/catalogue", "admin-catalogue"),
                     ("/shaoxing/admin/accounts", "admin-accounts"),
                     ("/shaoxing/admin/accounts/new", "admin-accounts-new"),
                 })
        {
            await admin.GotoAsync(browser.BaseUrl + url);
            await BrowserFixture.ScreenshotAsync(admin, name);
        }

        await admin.GotoAsync(browser.BaseUrl + "/shaoxing/admin/institutions/eldercare?q=福乐");
        await admin.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await admin.GetByLabel("统一社会信用代码").FillAsync("123");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-field-error=CreditCode]")).ToHaveTextAsync("统一社会信用代码应为 18 位。");
        await BrowserFixture.ScreenshotAsync(admin, "admin-eldercare-edit-error");
        await admin.Context.CloseAsync();

        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GetByRole(AriaRole.Link, new() { Name = "本机构信息" }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("联系电话")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "profile-eldercare");
        await staff.Context.CloseAsync();
    }
}
