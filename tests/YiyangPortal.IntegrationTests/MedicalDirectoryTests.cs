using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>The medical institution directory: the city's own institutions only, filters applied on the server.</summary>
public partial class MedicalDirectoryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Staff_SeesTheirCitysInstitutions_WithPrimaryLevelMarked()
    {
        var html = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical");

        Assert.Contains("共 5 家", html, StringComparison.Ordinal);
        Assert.Matches("塔山街道社区卫生服务中心\\s*<span class=\"badge[^\"]*\">基层</span>", html);
        Assert.DoesNotMatch("越城区人民医院\\s*<span", html);
        Assert.DoesNotContain("永中街道社区卫生服务中心", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouStaff_NeverSeeShaoxingInstitutions_EvenWithAShaoxingCountyId()
    {
        var shaoxingHtml = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical");
        var yuecheng = CountyOption().Match(shaoxingHtml).Groups[1].Value;

        var html = await PageAsync("/wenzhou", "staff@wenzhou.demo", $"/wenzhou/institutions/medical?county={yuecheng}");

        Assert.Contains("共 2 家", html, StringComparison.Ordinal);
        Assert.DoesNotContain("塔山", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?primary=true", "共 2 家")]
    [InlineData("?primary=false", "共 3 家")]
    [InlineData("?kind=TcmHospital", "共 1 家")]
    [InlineData("?grade=Level2", "共 2 家")]
    [InlineData("?q=%E5%A1%94%E5%B1%B1", "共 1 家")]
    [InlineData("?q=%25", "共 0 家")]
    [InlineData("?page=999&kind=Nonsense&county=not-a-guid", "共 5 家")]
    public async Task Filters_NarrowTheList_AndBadValuesAreIgnored(string query, string expected)
    {
        var html = await PageAsync("/shaoxing", "minzheng@shaoxing.demo", "/shaoxing/institutions/medical" + query);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var response = await PortalClient.For(app).GetAsync("/shaoxing/institutions/medical");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<string> PageAsync(string tenant, string email, string url)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync(tenant, email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">越城区</option>")]
    private static partial Regex CountyOption();
}
