using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Review A finding 15 (ADR 051): on a 390 px phone the clinic's per-item 同意 / 建议修改 / 不同意 controls are on the
/// screen, under each item, without scrolling the table sideways. Screenshots at 1366/768/390 as w{width}-clinic-review-items.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReviewOnPhoneJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClinicReviewControls_AreOnScreenAt390Px()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/shaoxing/login");
        await page.GetByLabel("电子邮箱").FillAsync("clinic@shaoxing.demo");
        await page.GetByLabel("密码").FillAsync(TestSupport.PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/shaoxing/medical");
        await page.GotoAsync($"{browser.BaseUrl}/shaoxing/agreements?status=PendingMedicalReview");
        var review = await page.Locator("[data-testid=agreement-list] tbody a").First.GetAttributeAsync("href");
        await page.GotoAsync(browser.BaseUrl + review);

        foreach (var (width, height) in new[] { (1366, 800), (768, 1024), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.Locator("#items").ScrollIntoViewIfNeededAsync();
            await BrowserFixture.ScreenshotAsync(page, $"w{width}-clinic-review-items");
        }

        var items = page.GetByTestId("items");
        var approve = items.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).First;
        await Assertions.Expect(approve).ToBeVisibleAsync();
        var box = await approve.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"同意 is at x={box.X}..{box.X + box.Width}, off a 390 px screen");

        // The propose and reject forms open under the item, also within the screen.
        await items.Locator("summary").First.ClickAsync();
        var reject = items.GetByRole(AriaRole.Button, new() { Name = "不同意", Exact = true }).First;
        await Assertions.Expect(reject).ToBeVisibleAsync();
        var rejectBox = await reject.BoundingBoxAsync();
        Assert.NotNull(rejectBox);
        Assert.True(rejectBox.X + rejectBox.Width <= 390, $"不同意 ends at x={rejectBox.X + rejectBox.Width}");
        await BrowserFixture.ScreenshotAsync(page, "w390-clinic-review-items-open");
        await page.Context.CloseAsync();
    }
}
