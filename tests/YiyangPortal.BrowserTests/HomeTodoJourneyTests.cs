using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 10: each role's to-do leads to the right page. The data is the test's own (a county, home and clinic of
/// its own in 温州市), so the counts do not depend on the demo data or on what other browser tests did.
/// </summary>
[Collection(BrowserCollection.Name)]
public class HomeTodoJourneyTests(BrowserFixture browser)
{
    // 温州市: its public list and lists are not what the other browser tests read in the shared database.
    private const string Tenant = "wenzhou";

    private static readonly int[] Widths = [1366, 768, 390];

    [Fact]
    public async Task EachRolesToDo_LeadsToTheListOfExactlyThoseRows()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        await parties.AgreementAsync(AgreementStatus.Draft);
        await parties.AgreementAsync(AgreementStatus.ReturnedForRevision, new(WithProposal: true));
        await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        await parties.AgreementAsync(AgreementStatus.PendingSignature);
        await parties.AgreementAsync(AgreementStatus.PartiallySigned, new(FirstSigner: AgreementParty.Medical));
        await parties.AgreementAsync(AgreementStatus.Effective, new(TermEnd: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40))));
        await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-45)));
        var submitted = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(submitted.Id, FilingStatus.Submitted);

        await FollowEachLineAsync(parties.StaffEmail, "/wenzhou/eldercare", "staff",
            ["draft", "proposals", "sign", "filings-submit", "filings-overdue", "ending"]);
        await FollowEachLineAsync(parties.ClinicEmail, "/wenzhou/medical", "clinic",
            ["review", "sign", "filings-submit", "filings-overdue"]);
        await FollowEachLineAsync(parties.CivilAffairsEmail, "/wenzhou/regulator", "regulator",
            ["filings-review", "filings-overdue"]);
    }

    [Fact]
    public async Task InboxRow_OpensItsAgreement_WithTheKeyboard()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var agreement = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var page = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.ClinicEmail, "/wenzhou/medical");
        await page.GetByTestId("inbox-link").ClickAsync();
        await page.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(page, "inbox-rows-390");

        var row = page.GetByRole(AriaRole.Button, new() { Name = $"协议 {agreement.DocumentNumber} 已提交" });
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"{browser.BaseUrl}/wenzhou/agreements/{agreement.Id}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NothingToDo_ReadsNone_OnEveryLine()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);

        var page = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.StaffEmail, "/wenzhou/eldercare");

        await Assertions.Expect(page.GetByTestId("todo").GetByText("暂无")).ToHaveCountAsync(9);
        await Assertions.Expect(page.GetByTestId("todo").Locator("a")).ToHaveCountAsync(0);
        await page.SetViewportSizeAsync(390, 900);
        await BrowserFixture.ScreenshotAsync(page, "home-todo-staff-none-390");
        await page.Context.CloseAsync();
    }

    /// <summary>Screenshots the home at three widths, then follows every to-do line and checks the list it opens.</summary>
    private async Task FollowEachLineAsync(string email, string home, string shot, string[] keys)
    {
        var page = await SignInJourneyTests.SignInAsync(browser, Tenant, email, home);
        // The home itself under the CSP (the agreement list's inline handler is being moved out elsewhere).
        var problems = new List<string>();
        void Collect(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error") { problems.Add(message.Text); }
        }

        page.Console += Collect;
        await page.ReloadAsync();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(page, $"home-todo-{shot}-{width}");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{shot} scrolls sideways at {width} px");
        }

        page.Console -= Collect;
        Assert.Empty(problems);

        await page.SetViewportSizeAsync(1366, 900);
        foreach (var key in keys)
        {
            var line = page.GetByTestId("todo-" + key);
            var count = int.Parse(await line.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(count > 0, $"{shot}: {key} has nothing to do");
            var label = (await line.Locator("span").First.InnerTextAsync()).Trim();

            await line.ClickAsync();

            if (key.StartsWith("filings", StringComparison.Ordinal))
            {
                await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync($"共 {count} 件");
                await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(count);
            }
            else
            {
                await Assertions.Expect(page.GetByTestId("todo-filter")).ToContainTextAsync(label);
                await Assertions.Expect(page.Locator("[data-testid=agreement-list] tbody tr")).ToHaveCountAsync(count);
            }

            if (key is "sign" or "filings-submit")
            {
                await BrowserFixture.ScreenshotAsync(page, $"home-todo-{shot}-{key}-list");
            }

            await page.GoBackAsync();
        }

        await page.Context.CloseAsync();
    }
}
