using System.Text.RegularExpressions;
using Microsoft.Playwright;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>Elder-care staff browse the medical institutions of a county, with 基层 marked.</summary>
[Collection(BrowserCollection.Name)]
public class MedicalDirectoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_BrowsesMedicalInstitutionsByCounty_WithPrimaryLevelShown()
    {
        // A county of the test's own: the demo city's counties hold dozens of institutions.
        var county = await TestData.NewCountyAsync(browser.App, $"目录{Random.Shared.Next(1000, 9999)}县");
        var clinic = await TestData.NewMedicalAsync(browser.App, county.Name, MedicalInstitutionKind.TownshipHealthCenter);
        var hospital = await TestData.NewMedicalAsync(browser.App, county.Name, MedicalInstitutionKind.GeneralHospital);
        var page = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");

        await page.GetByRole(AriaRole.Link, new() { Name = "医疗机构名录" }).ClickAsync();
        await page.GetByLabel("区县").SelectOptionAsync(new SelectOptionValue { Label = county.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("共 2 家");
        var row = page.Locator("tbody tr").Filter(new() { HasText = clinic.Name });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("基层");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = hospital.Name }).Locator(".badge")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "medical-directory-county");

        await page.GetByLabel("区县").SelectOptionAsync(new SelectOptionValue { Label = "全部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync(new Regex(@"共 \d{2,} 家"));
        await BrowserFixture.ScreenshotAsync(page, "medical-directory-all");
        await page.Context.CloseAsync();
    }
}
