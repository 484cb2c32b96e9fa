using Xunit.Abstractions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Issue 12, done when: every form and query field of every page, as every role, driven with NUL, 10,000 characters,
/// markup, negative and huge numbers, invalid dates and ids — and no answer is a 5xx. The forms are found by
/// crawling what each role is shown (<see cref="FormCrawler"/>).
/// </summary>
public class FuzzTests(PortalAppFactory app, ITestOutputHelper output) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/shaoxing", null)]
    [InlineData("", null)]
    [InlineData("/shaoxing", "minzheng@shaoxing.demo")]
    [InlineData("/shaoxing", "city@shaoxing.demo")]
    [InlineData("/shaoxing", "clinic@shaoxing.demo")]
    [InlineData("/shaoxing", "staff@shaoxing.demo")]
    [InlineData("", "platform@yiyang.demo")]
    [InlineData("/shaoxing", "admin@shaoxing.demo")]
    public async Task EveryFormAndQueryField_AsThisRole_NeverAnswers5xx(string tenant, string? email)
    {
        var problems = new List<string>();
        var crawler = new FormCrawler(app, tenant, email, problems);

        await crawler.RunAsync();

        output.WriteLine($"{email ?? "anonymous"}: {crawler.Pages} pages, {crawler.Forms} forms, {crawler.Requests} requests");
        Assert.True(crawler.Pages > 1, "the crawl found no pages");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(60)) + (problems.Count > 60 ? $"\n… {problems.Count} in all" : string.Empty));
    }
}
