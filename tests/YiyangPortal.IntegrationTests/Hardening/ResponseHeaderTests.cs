using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>A host with a public base URL (ADR 015): redirects go there, whatever Host header a request carries.</summary>
public sealed class PublicHostAppFactory : PortalAppFactory
{
    public const string PublicBase = "https://yiyang.example.gov.cn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBase);
    }
}

/// <summary>
/// Issue 12: sensitive downloads are not stored by caches, files opened in the browser are sandboxed, and redirects
/// use the configured host rather than the request's Host header.
/// </summary>
public class ResponseHeaderTests(PublicHostAppFactory app) : IClassFixture<PublicHostAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Theory]
    [InlineData("admin@shaoxing.demo", "/shaoxing/admin/institutions/eldercare/export?format=xlsx")]
    [InlineData("admin@shaoxing.demo", "/shaoxing/admin/institutions/medical/export?format=csv")]
    [InlineData("minzheng@shaoxing.demo", "/shaoxing/regulator/dashboard/export?format=xlsx")]
    public async Task Exports_AreNotStored_AndAreSandboxed(string email, string url)
    {
        var client = await _steps.LoginAsync("/shaoxing", email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, url);
        Assert.StartsWith("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExecutedPdfShownInline_IsSandboxed_AndNotStored()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var page = await (await staff.GetAsync("/shaoxing/filings")).Content.ReadAsStringAsync();
        var filing = System.Text.RegularExpressions.Regex.Match(page, "/shaoxing/filings/([0-9a-f-]{36})\"").Groups[1].Value;

        var inline = await staff.GetAsync($"/shaoxing/filings/{filing}/agreement.pdf");
        var preview = await staff.GetAsync($"/shaoxing/agreements/{id}/pdf?inline=true");

        foreach (var response in new[] { inline, preview })
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("sandbox; frame-ancestors 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task ThePages_OfASignedInUser_AreNotStored()
    {
        var client = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");

        Assert.True((await client.GetAsync("/shaoxing/medical")).Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/shaoxing/medical", "/shaoxing/login?ReturnUrl=%2Fshaoxing%2Fmedical")]
    [InlineData("/login-required-platform", null)]
    public async Task ARedirectToSignIn_UsesTheConfiguredHost_NotTheRequestsHost(string url, string? expected)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://attacker.example") });

        var response = await client.GetAsync(new Uri(url == "/login-required-platform" ? "/platform" : url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri);
        Assert.Equal("yiyang.example.gov.cn", location.Host);
        Assert.Equal(PublicHostAppFactory.PublicBase + (expected ?? "/login?ReturnUrl=%2Fplatform"), location.ToString());
    }
}
