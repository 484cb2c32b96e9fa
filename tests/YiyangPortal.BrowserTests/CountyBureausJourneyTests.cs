using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// ADR 049, as the city's administrator and then the drafter see it: from 管理工作台 to a county's bureau names, a
/// missing name refused next to its field (on a phone), the corrected names on the list and in the home's draft.
/// The county is the test's own, in 温州市, so no other browser test reads it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CountyBureausJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task Admin_CorrectsABureauName_AndTheDraftShowsIt()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var draft = await parties.AgreementAsync(AgreementStatus.Draft);
        var (civil, health) = ($"{parties.CountyName}社会事业局", $"{parties.CountyName}卫生健康委员会");

        var page = await SignInJourneyTests.SignInAsync(browser, Tenant, "admin@wenzhou.demo", "/wenzhou/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = $"修改{parties.CountyName}的备案部门名称" }).ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/wenzhou/admin/counties/{parties.CountyId}/bureaus");
        await Assertions.Expect(page.GetByTestId("snapshot-note")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByLabel("民政部门名称").FillAsync(string.Empty);
        await page.GetByLabel("卫生健康部门名称").FillAsync(health);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field-error=CivilAffairsBureauName]")).ToHaveTextAsync("请填写民政部门的名称。");
        await Assertions.Expect(page.GetByLabel("卫生健康部门名称")).ToHaveValueAsync(health);
        await BrowserFixture.AssertNoSidewaysScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "w390-admin-county-bureaus-refused");

        await page.GetByLabel("民政部门名称").FillAsync(civil);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/wenzhou/admin");
        await Assertions.Expect(page.GetByText(civil, new() { Exact = true })).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1366, 800);
        await BrowserFixture.ScreenshotAsync(page, "w1366-admin-county-bureaus-saved");
        await page.Context.CloseAsync();

        var staff = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, "/wenzhou/eldercare");
        await staff.GotoAsync($"{browser.BaseUrl}/wenzhou/agreements/{draft.Id}/edit");
        await Assertions.Expect(staff.GetByText(civil).First).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#HealthBureauCountyId")).ToContainTextAsync(health);
        await staff.Context.CloseAsync();
    }
}
