using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>Issue 12 as a person sees it: the one sign-in failure message, the 413/429 pages, a tampered history.</summary>
[Collection(BrowserCollection.Name)]
public partial class HardeningJourneyTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [1366, 768, 390];

    [Fact]
    public async Task AFailedSignIn_SaysTheSameWhateverTheReason()
    {
        foreach (var width in Widths)
        {
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync($"{browser.BaseUrl}/shaoxing/login");
            await page.GetByLabel("电子邮箱").FillAsync("nobody@shaoxing.demo");
            await page.GetByLabel("密码").FillAsync("not the password at all");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("电子邮箱或密码不正确。连续输错 5 次后账户将锁定 15 分钟");
            await BrowserFixture.ScreenshotAsync(page, $"hardening-login-failed-{width}");
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(413, "提交的内容过大")]
    [InlineData(429, "操作过于频繁")]
    [InlineData(400, "请求无法处理")]
    public async Task TheStatusPages_SpeakChinese(int code, string title)
    {
        foreach (var width in Widths)
        {
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync($"{browser.BaseUrl}/shaoxing/error/{code}");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, $"hardening-status-{code}-{width}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ACutOffHistory_IsShownOnTheAgreementPage()
    {
        var page = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await page.GotoAsync($"{browser.BaseUrl}/shaoxing/agreements");
        var href = await page.Locator("a[href*='/shaoxing/agreements/']").Filter(new() { HasTextRegex = AgreementNumber() }).First.GetAttributeAsync("href");
        var id = Regex.Match(href!, "[0-9a-f-]{36}").Value;
        await page.Context.CloseAsync();

        // As if the newest history entry had been deleted: the checkpoint says one more than the chain holds.
        await SuperuserAsync($"UPDATE audit.chain_heads SET sequence = sequence + 1 WHERE agreement_id = '{id}'");
        try
        {
            foreach (var width in Widths)
            {
                var view = await browser.NewPageAsync(width);
                await view.GotoAsync($"{browser.BaseUrl}/shaoxing/login");
                await view.GetByLabel("电子邮箱").FillAsync("staff@shaoxing.demo");
                await view.GetByLabel("密码").FillAsync(PortalAppFactory.DemoPassword);
                await view.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
                await view.WaitForURLAsync($"{browser.BaseUrl}/shaoxing/eldercare");
                await view.GotoAsync($"{browser.BaseUrl}/shaoxing/agreements/{id}");

                await Assertions.Expect(view.GetByTestId("audit-alert")).ToContainTextAsync("审计链被截断");
                await BrowserFixture.ScreenshotAsync(view, $"hardening-audit-truncated-{width}");
                await view.Context.CloseAsync();
            }
        }
        finally
        {
            await SuperuserAsync($"UPDATE audit.chain_heads SET sequence = sequence - 1 WHERE agreement_id = '{id}'");
        }
    }

    private async Task SuperuserAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = browser.App.Database.Name }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("^[0-9]{6}-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex AgreementNumber();
}
