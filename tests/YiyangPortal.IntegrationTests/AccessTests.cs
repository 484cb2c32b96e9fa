using System.Net;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>The cookie carries its tenant and is refused elsewhere; roles see only their own pages.</summary>
public class AccessTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/shaoxing/eldercare")]
    [InlineData("/shaoxing/admin")]
    [InlineData("/shaoxing/regulator")]
    [InlineData("/shaoxing/")]
    public async Task WenzhouUser_OnShaoxingUrls_IsTreatedAsAnonymous(string url)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/wenzhou", "staff@wenzhou.demo");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouUser_KeepsTheirOwnSession_AfterAStrayShaoxingLink()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/wenzhou", "staff@wenzhou.demo");
        await client.GetAsync("/shaoxing/eldercare");

        var own = await client.GetAsync("/wenzhou/eldercare");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task PlatformCookie_IsRefusedOnTenantUrls()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync(string.Empty, "platform@yiyang.demo");

        var response = await client.GetAsync("/shaoxing/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("/shaoxing/admin")]
    [InlineData("/shaoxing/medical")]
    [InlineData("/shaoxing/regulator")]
    public async Task ElderCareStaff_OnAnotherRolesHome_IsForbidden(string url)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/shaoxing/error/403", PortalClient.RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountyRegulator_SeesOnlyTheirCounty_CityRegulatorSeesAll()
    {
        var county = PortalClient.For(app);
        await county.LoginAsync("/shaoxing", "weijian@shaoxing.demo");
        var city = PortalClient.For(app);
        await city.LoginAsync("/shaoxing", "city@shaoxing.demo");

        var countyPage = await (await county.GetAsync("/shaoxing/regulator")).Content.ReadAsStringAsync();
        var cityPage = await (await city.GetAsync("/shaoxing/regulator")).Content.ReadAsStringAsync();

        Assert.Contains("<td>越城区</td>", countyPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>柯桥区</td>", countyPage, StringComparison.Ordinal);
        Assert.Contains("<td>柯桥区</td>", cityPage, StringComparison.Ordinal);
        Assert.Contains("<td>新昌县</td>", cityPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTenant_Is404_InChinese()
    {
        var response = await PortalClient.For(app).GetAsync("/nosuchcity/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        var client = PortalClient.For(app);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@shaoxing.demo",
            ["Password"] = PortalAppFactory.DemoPassword,
        });

        var response = await client.Http.PostAsync(new Uri("/shaoxing/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
