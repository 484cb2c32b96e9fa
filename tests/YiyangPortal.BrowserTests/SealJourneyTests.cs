using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Documents;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 14 in the browser: a visitor checks a sealed demo agreement on the verification page; an institution looks
/// at its seal page. Screenshots at 1366, 768 and 390 px (w{width}-seal-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public class SealJourneyTests(BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 800), (768, 1024), (390, 844)];

    [Fact]
    public async Task AVisitorUploadsASealedAgreement_AndReadsThatBothSealsAreValid()
    {
        var found = await TestData.InTenantAsync(browser.App, TestData.Shaoxing, async db =>
            await (from a in db.Agreements.AsNoTracking()
                   join d in db.AgreementDocuments on a.Id equals d.AgreementId
                   where a.Status == AgreementStatus.Effective && d.Kind == AgreementDocumentKind.Executed
                   orderby a.DocumentNumber
                   select new { a.DocumentNumber, d.Content }).FirstAsync());
        var (number, pdf) = (found.DocumentNumber, found.Content);
        var path = Path.Combine(Path.GetTempPath(), $"{number}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{browser.BaseUrl}/shaoxing/verify/{number}");
        await page.Locator("#file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "核验文件" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=seal-verdict]")).ToHaveTextAsync("签章有效");
        await Assertions.Expect(page.Locator("[data-testid=seal-changed]")).ToHaveTextAsync("盖章后文件未被改动。");
        await ShootAsync(page, "seal-verify");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnInstitution_SeesItsSealCertificateRightsAndLedger()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/shaoxing/login");
        await page.GetByLabel("电子邮箱").FillAsync("staff@shaoxing.demo");
        await page.GetByLabel("密码").FillAsync(PortalAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/shaoxing/eldercare");

        await page.GetByRole(AriaRole.Link, new() { Name = "本机构印章" }).First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=seal-subject]")).ToContainTextAsync("越城区福乐养老院");
        await Assertions.Expect(page.Locator("[data-testid=seal-ledger] tr").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}"));
        await ShootAsync(page, "seal-admin");
        await page.Context.CloseAsync();
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserFixture.ScreenshotAsync(page, $"w{width}-{name}");
        }
    }
}
