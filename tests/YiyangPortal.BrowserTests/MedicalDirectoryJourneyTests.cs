using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>Elder-care staff browse the medical institutions of a county, with 基层 marked.</summary>
[Collection(BrowserCollection.Name)]
public class MedicalDirectoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_BrowsesMedicalInstitutionsByCounty_WithPrimaryLevelShown()
    {
        var page = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");

        await page.GetByRole(AriaRole.Link, new() { Name = "医疗机构名录" }).ClickAsync();
        await page.GetByLabel("区县").SelectOptionAsync(new SelectOptionValue { Label = "柯桥区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("共 1 家");
        var row = page.Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("柯桥区平水镇卫生院");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("基层");
        await BrowserFixture.ScreenshotAsync(page, "medical-directory-county");

        await page.GetByLabel("区县").SelectOptionAsync(new SelectOptionValue { Label = "全部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("共 5 家");
        await BrowserFixture.ScreenshotAsync(page, "medical-directory-all");
        await page.Context.CloseAsync();
    }
}
