using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>The medical institution directory: the city's own institutions only, filters applied on the server.</summary>
public partial class MedicalDirectoryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // One county per test class (xUnit makes a class instance per test; the database lives as long as the fixture).
    private static readonly SemaphoreSlim CountyGate = new(1, 1);
    private static Guid? _county;

    [Fact]
    public async Task Staff_SeesTheirCitysInstitutions_WithPrimaryLevelMarked()
    {
        var tashan = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical?q=塔山街道社区卫生服务中心");
        var hospital = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical?q=越城区人民医院");
        var wenzhou = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical?q=永中街道");

        Assert.Matches("塔山街道社区卫生服务中心\\s*<span class=\"badge[^\"]*\">基层</span>", tashan);
        Assert.Contains("越城区人民医院", hospital, StringComparison.Ordinal);
        Assert.DoesNotMatch("越城区人民医院\\s*<span", hospital);
        Assert.Contains("共 0 家", wenzhou, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouStaff_NeverSeeShaoxingInstitutions_EvenWithAShaoxingCountyId()
    {
        var shaoxingHtml = await PageAsync("/shaoxing", "staff@shaoxing.demo", "/shaoxing/institutions/medical");
        var yuecheng = CountyOption().Match(shaoxingHtml).Groups[1].Value;

        var html = await PageAsync("/wenzhou", "staff@wenzhou.demo", $"/wenzhou/institutions/medical?county={yuecheng}");

        Assert.Contains("永中街道社区卫生服务中心", html, StringComparison.Ordinal); // the foreign county is ignored
        Assert.DoesNotContain("塔山", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&primary=true", "共 2 家")]
    [InlineData("&primary=false", "共 3 家")]
    [InlineData("&kind=TcmHospital", "共 1 家")]
    [InlineData("&grade=Level2", "共 2 家")]
    [InlineData("&q=%25", "共 0 家")]
    [InlineData("&page=999&kind=Nonsense&grade=Nonsense", "共 5 家")]
    public async Task Filters_NarrowTheList_AndBadValuesAreIgnored(string query, string expected)
    {
        var county = await DirectoryCountyAsync();

        var html = await PageAsync("/shaoxing", "minzheng@shaoxing.demo", $"/shaoxing/institutions/medical?county={county}" + query);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameSearch_FindsTheInstitution()
    {
        var html = await PageAsync("/shaoxing", "minzheng@shaoxing.demo", "/shaoxing/institutions/medical?q=%E5%A1%94%E5%B1%B1%E8%A1%97%E9%81%93%E7%A4%BE");

        Assert.Contains("共 1 家", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A county of this test class's own with five institutions: two 基层 (一级), a 综合医院 and a 康复医院 (二级), and a
    /// 中医医院 (三级) — what the filters are checked against.
    /// </summary>
    private async Task<Guid> DirectoryCountyAsync()
    {
        await CountyGate.WaitAsync();
        try
        {
            if (_county is { } known)
            {
                return known;
            }

            var county = await TestData.NewCountyAsync(app, $"目录{Random.Shared.Next(1000, 9999)}县");
            await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.CommunityHealthCenter);
            await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.TownshipHealthCenter);
            await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.GeneralHospital, HospitalGrade.Level2);
            await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.RehabilitationHospital, HospitalGrade.Level2);
            await TestData.NewMedicalAsync(app, county.Name, MedicalInstitutionKind.TcmHospital, HospitalGrade.Level3);
            _county = county.Id;
            return county.Id;
        }
        finally
        {
            CountyGate.Release();
        }
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
