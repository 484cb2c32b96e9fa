using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.IntegrationTests.Platform;

/// <summary>运行状态 (ADR 054): what the platform operator checks, with each city's figures read inside the city.</summary>
public partial class PlatformStatusTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task StatusPage_ShowsTheDatabase_TheMigrations_AndEachCitysCounts()
    {
        var platform = await PortalClient.SignedInAsync(app, "platform@yiyang.demo", string.Empty);

        var response = await platform.GetAsync("/platform/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-ok=\"true\">可连接", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"status-migrations\" data-ok=\"true\"", html);
        Assert.DoesNotContain("pending-migrations", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", html, StringComparison.OrdinalIgnoreCase); // no connection string or key
        Assert.DoesNotContain("Host=", html, StringComparison.OrdinalIgnoreCase);

        var (counties, agreements, users) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db => (
            await db.Counties.CountAsync(), await db.Agreements.CountAsync(), await db.Users.CountAsync()));
        var row = Row("shaoxing").Match(html).Value;
        Assert.Contains($"data-testid=\"counties\">{counties}<", row, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"agreements\">{agreements}<", row, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"users\">{users}<", row, StringComparison.Ordinal);
        Assert.Matches(Row("wenzhou"), html);
    }

    [Fact]
    public async Task ASweepRun_IsRecordedPerCity_AndShownOnTheStatusPage()
    {
        await app.Services.GetRequiredService<FilingSweep>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var recorded = await TestData.InTenantAsync(app, "wenzhou", db => db.Set<SweepRun>().Select(r => r.Sweep).ToListAsync());
        Assert.Contains(FilingSweep.LockKey, recorded);
        var platform = await PortalClient.SignedInAsync(app, "platform@yiyang.demo", string.Empty);
        var html = await (await platform.GetAsync("/platform/status")).Content.ReadAsStringAsync();
        var cell = SweepCell(FilingSweep.LockKey).Match(Row("wenzhou").Match(html).Value).Groups[1].Value;
        Assert.DoesNotContain("尚未运行", cell, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", cell);
    }

    [Fact]
    public async Task EveryNavigationItem_OfThePlatformAdmin_LeadsToAPage()
    {
        var platform = await PortalClient.SignedInAsync(app, "platform@yiyang.demo", string.Empty);

        foreach (var item in Navigation.For(Domain.Identity.PortalRole.PlatformAdmin))
        {
            var response = await platform.GetAsync(item.Href.TrimStart('~'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{item.Label} ({item.Href}) answered {(int)response.StatusCode}");
        }

        var home = await (await platform.GetAsync("/platform")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("即将上线", home, StringComparison.Ordinal);
    }

    private static Regex Row(string slug) => new($"<tr data-slug=\"{slug}\">.*?</tr>", RegexOptions.Singleline);

    private static Regex SweepCell(long key) => new($"data-sweep=\"{key}\">(.*?)</td>", RegexOptions.Singleline);
}
