using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

public class OperabilityTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_Answer200_WhileTheDatabaseAnswers(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.For(app).GetAsync(url)).StatusCode);

    [Fact]
    public async Task Ready_Is503_AndLiveStays200_WhenTheDatabaseIsDown()
    {
        await using var broken = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Portal", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
            b.UseSetting("Portal:LogFile", string.Empty);
            b.UseSetting($"Portal:Audit:Keys:{PortalAppFactory.AuditKeyId}", PortalAppFactory.AuditKey);
        });
        var client = broken.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        var response = await PortalClient.For(app).GetAsync("/shaoxing/login");
        var headers = response.Headers;

        Assert.Contains("frame-ancestors 'none'", string.Join(";", headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnly_AndSameSite()
    {
        var response = await PortalClient.For(app).LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("yiyang.auth=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RootRequestBeforeSignIn_DoesNotShadowTheTenantsAntiforgeryCookie()
    {
        // Regression: a root 404 (favicon) once set a second antiforgery cookie at "/" and broke the next sign-in.
        var client = PortalClient.For(app);
        await client.GetAsync("/shaoxing/login");
        await client.GetAsync("/favicon.ico");

        var login = await client.LoginAsync("/shaoxing", "admin@shaoxing.demo");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task LoginPage_IsChineseByDefault_AndEnglishOnRequest()
    {
        var client = PortalClient.For(app);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var chinese = await (await client.GetAsync("/shaoxing/login")).Content.ReadAsStringAsync();
        await client.SubmitAsync("/shaoxing/login", "/shaoxing/culture", new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/shaoxing/login",
        });
        var english = await (await client.GetAsync("/shaoxing/login")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains(">登录</h1>", chinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Sign in</h1>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredHost_MapsToItsTenant_WithoutAPathSegment()
    {
        await using var mapped = app.WithWebHostBuilder(b => b.UseSetting("Tenancy:Hosts:yiyang.sx.example", "shaoxing"));
        var client = mapped.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://yiyang.sx.example") });

        var html = await (await client.GetAsync(new Uri("/login", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("绍兴市医养签约服务门户", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/login\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformRoot_ListsTheCities()
    {
        var html = await (await PortalClient.For(app).GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains("绍兴市", html, StringComparison.Ordinal);
        Assert.Contains("温州市", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/shaoxing/login\"", html, StringComparison.Ordinal);
    }
}
