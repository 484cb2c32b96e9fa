using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Platform;

namespace YiyangPortal.IntegrationTests.Platform;

/// <summary>城市租户 (ADR 054): the platform operator adds a city with its counties and first admin, and 停用/启用 it.</summary>
public partial class PlatformTenantsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Tenants = "/platform/tenants";
    private const string New = "/platform/tenants/new";

    [Fact]
    public async Task NewCity_IsCreatedWholly_AndItsAdminSignsIn_AndSeesTheCounties()
    {
        var platform = await PlatformAsync();

        var response = await platform.SubmitAsync(New, New, City("huzhou", "湖州市", "330500", "330502 吴兴区\n330503 南浔区\n３３０５２１　德清县\n330581 测试县级市", "admin@huzhou.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        var password = IssuedPassword().Match(html).Groups[1].Value;
        Assert.Equal(16, password.Length);
        Assert.Contains("/huzhou/login", html, StringComparison.Ordinal);

        var admin = PortalClient.For(app);
        var login = await admin.LoginAsync("/huzhou", "admin@huzhou.test", password);
        Assert.Equal("/huzhou/admin", PortalClient.RedirectPath(login));
        var home = await (await admin.GetAsync("/huzhou/admin")).Content.ReadAsStringAsync();
        Assert.Contains("吴兴区", home, StringComparison.Ordinal);
        Assert.Contains("德清县", home, StringComparison.Ordinal);
        Assert.DoesNotContain("越城区", home, StringComparison.Ordinal);

        // Written inside the new city (row-level security checked each row), with what a city starts from.
        var (kinds, holidays, items) = await TestData.InTenantAsync(app, "huzhou", async db => (
            await db.Counties.OrderBy(c => c.DivisionCode).Select(c => c.Kind).ToListAsync(),
            await db.CalendarDays.CountAsync(),
            await db.ServiceItems.CountAsync()));
        Assert.Equal([CountyKind.District, CountyKind.District, CountyKind.County, CountyKind.CountyLevelCity], kinds);
        Assert.True(holidays > 0);
        Assert.True(items > 0);
        Assert.Contains("huzhou", await (await platform.GetAsync(Tenants)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_GetsAMessageNextToEachField_422_AndKeepsWhatWasTyped()
    {
        var platform = await PlatformAsync();

        var response = await platform.SubmitAsync(New, New, new Dictionary<string, string>
        {
            ["Slug"] = "Jia Xing",
            ["Name"] = " ",
            ["DivisionCode"] = "33040",
            ["Counties"] = "330402南湖区\nabc 秀洲区",
            ["AdminEmail"] = "not-an-email",
            ["AdminName"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-field-error=\"Slug\">租户标识只能由小写字母、数字和连字符组成", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"Name\">请填写城市名称。", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"DivisionCode\">行政区划代码应为 6 位数字。", html, StringComparison.Ordinal);
        Assert.Contains("第 1 行应为“代码 名称”，如“330602 越城区”。", html, StringComparison.Ordinal);
        Assert.Contains("第 2 行：区县代码“abc”应为 6 位数字。", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"AdminEmail\">电子邮箱格式不正确。", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"AdminName\">请填写姓名。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Jia Xing\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        Assert.Contains(">330402南湖区\nabc 秀洲区</textarea>", html, StringComparison.Ordinal);

        var counties = await (await platform.SubmitAsync(New, New, City(
            "jiaxing", "嘉兴市", "330400", "310101 黄浦区\n330400 嘉兴市\n330402 南湖区\n330402 秀洲区\n330411 南湖区", "a@jiaxing.test"))).Content.ReadAsStringAsync();
        counties = WebUtility.HtmlDecode(counties);
        Assert.Contains("第 1 行：区县代码“310101”应以本市代码的前 4 位“3304”开头。", counties, StringComparison.Ordinal);
        Assert.Contains("第 2 行：“330400”是市级代码，区县代码的后两位不能为 00。", counties, StringComparison.Ordinal);
        Assert.Contains("第 4 行：区县代码“330402”重复。", counties, StringComparison.Ordinal);
        Assert.Contains("第 5 行：区县名称“南湖区”重复。", counties, StringComparison.Ordinal);

        var provinceCode = WebUtility.HtmlDecode(await (await platform.SubmitAsync(New, New, City("jiaxing", "嘉兴市", "330000", string.Empty, "a@jiaxing.test"))).Content.ReadAsStringAsync());
        Assert.Contains("城市的行政区划代码应以 00 结尾", provinceCode, StringComparison.Ordinal);
        Assert.Contains("请至少填写一个区县", provinceCode, StringComparison.Ordinal);

        Assert.False(await AnyTenantAsync(t => t.Slug == "jiaxing" || t.DivisionCode == "330400"));
    }

    [Fact]
    public async Task TakenSlugOrCode_IsRefusedWithTheCityThatHasIt()
    {
        var platform = await PlatformAsync();

        var response = await platform.SubmitAsync(New, New, City("shaoxing", "金华市", "330600", "330602 越城区", "a@jinhua.test"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-field-error=\"Slug\">租户标识“shaoxing”已由绍兴市使用，请换一个。", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"DivisionCode\">行政区划代码 330600 已是绍兴市的代码，一个城市只能开通一次。", html, StringComparison.Ordinal);
        var reserved = WebUtility.HtmlDecode(await (await platform.SubmitAsync(New, New, City("platform", "金华市", "330700", "330702 婺城区", "a@jinhua.test"))).Content.ReadAsStringAsync());
        Assert.Contains("“platform”是平台保留的路径，不能用作租户标识。", reserved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOperatorsAddingTheSameCity_OneIsToldClearly_NeverAnError()
    {
        var first = await PlatformAsync();
        var second = await PlatformAsync();
        var form = City("quzhou", "衢州市", "330800", "330802 柯城区\n330803 衢江区", "admin@quzhou.test");

        var responses = await Task.WhenAll(first.SubmitAsync(New, New, form), second.SubmitAsync(New, New, form));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.True(
            html.Contains("已由衢州市使用", StringComparison.Ordinal) || html.Contains("刚刚已被其他运维人员", StringComparison.Ordinal),
            "the refused operator is told the city was taken");
    }

    [Fact]
    public async Task TheUniqueIndex_RefusesARacedCode_AsCityTaken_AndKeepsNothing()
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await CityProvisioning.CreateAsync(scopes, new NewCity("zhoushan", "舟山市", "330900", [new("330902", "定海区", CountyKind.District)]), null, default);

        // As if the page's check had passed a moment before the other operator's save.
        var taken = await Assert.ThrowsAsync<CityTakenException>(() => CityProvisioning.CreateAsync(
            scopes, new NewCity("zhoushan-2", "舟山市", "330900", [new("330903", "普陀区", CountyKind.District)]), new FirstAdmin("a@zs.test", "某某"), default));

        Assert.Equal("DivisionCode", taken.Field);
        Assert.False(await AnyTenantAsync(t => t.Slug == "zhoushan-2"));
    }

    [Theory]
    [InlineData("admin@shaoxing.demo")]
    [InlineData("city@shaoxing.demo")]
    [InlineData("staff@shaoxing.demo")]
    [InlineData("clinic@shaoxing.demo")]
    public async Task CityAccounts_AreForbiddenThePlatformPages(string email)
    {
        var user = await PortalClient.SignedInAsync(app, email);

        foreach (var url in new[] { "/shaoxing/platform/tenants", "/shaoxing/platform/tenants/new", "/shaoxing/platform/status" })
        {
            var response = await user.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/shaoxing/error/403", PortalClient.RedirectPath(response), StringComparison.Ordinal);
        }

        var post = await user.SubmitAsync("/shaoxing/account/password", "/shaoxing/platform/tenants/new", City("lishui", "丽水市", "331100", "331102 莲都区", "a@ls.test"));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("/shaoxing/error/403", PortalClient.RedirectPath(post) ?? string.Empty, StringComparison.Ordinal);

        // Their cookie is not good on the platform's own URLs at all: there they are anonymous.
        var platformUrl = await user.GetAsync(Tenants);
        Assert.StartsWith("/login", PortalClient.RedirectPath(platformUrl), StringComparison.Ordinal);
        Assert.False(await AnyTenantAsync(t => t.Slug == "lishui"));
    }

    [Fact]
    public async Task Deactivate_ClosesTheCityWithAClearPage_AndActivate_OpensItAgain()
    {
        var platform = await PlatformAsync();
        var created = await platform.SubmitAsync(New, New, City("taizhou", "台州市", "331000", "331002 椒江区", "admin@taizhou.test"));
        var password = IssuedPassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        var id = await TenantIdAsync("taizhou");
        var cityUser = PortalClient.For(app);
        await cityUser.LoginAsync("/taizhou", "admin@taizhou.test", password);

        var confirm = await (await platform.GetAsync($"{Tenants}/{id}/deactivate")).Content.ReadAsStringAsync();
        Assert.Contains("平台运维账户不属于任何城市，不受影响。", confirm, StringComparison.Ordinal);
        var done = await platform.SubmitAsync($"{Tenants}/{id}/deactivate", $"{Tenants}/{id}/deactivate", new Dictionary<string, string> { ["version"] = Version(confirm) });
        Assert.Equal("/platform/tenants", PortalClient.RedirectPath(done));

        foreach (var closed in new[] { await cityUser.GetAsync("/taizhou/admin"), await PortalClient.For(app).GetAsync("/taizhou/login") })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, closed.StatusCode);
            Assert.Contains("台州市的门户已停用", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var signIn = await PortalClient.For(app).SubmitAsync("/platform", "/taizhou/login", new Dictionary<string, string> { ["Email"] = "admin@taizhou.test", ["Password"] = password });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);

        // The operator belongs to no city: still in.
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync(Tenants)).StatusCode);

        var activate = await (await platform.GetAsync($"{Tenants}/{id}/activate")).Content.ReadAsStringAsync();
        await platform.SubmitAsync($"{Tenants}/{id}/activate", $"{Tenants}/{id}/activate", new Dictionary<string, string> { ["version"] = Version(activate) });
        var again = PortalClient.For(app);
        Assert.Equal("/taizhou/admin", PortalClient.RedirectPath(await again.LoginAsync("/taizhou", "admin@taizhou.test", password)));
    }

    [Fact]
    public async Task TwoOperatorsDeactivatingAtOnce_TheSecondIsToldItWasDone()
    {
        var first = await PlatformAsync();
        var second = await PlatformAsync();
        await first.SubmitAsync(New, New, City("jinhua", "金华市", "330700", "330702 婺城区", "admin@jinhua.test"));
        var id = await TenantIdAsync("jinhua");
        var url = $"{Tenants}/{id}/deactivate";
        var firstPage = await (await first.GetAsync(url)).Content.ReadAsStringAsync();
        var secondPage = await (await second.GetAsync(url)).Content.ReadAsStringAsync();

        await first.SubmitAsync(url, url, new Dictionary<string, string> { ["version"] = Version(firstPage) });
        var late = await second.SubmitAsync(url, url, new Dictionary<string, string> { ["version"] = Version(secondPage) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("该城市刚刚已被其他运维人员停用，本次操作未执行。", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Re-enabled by one, while the other still holds the old version of the 启用 page: the stale version is refused.
        var activateUrl = $"{Tenants}/{id}/activate";
        var stale = Version(await (await second.GetAsync(activateUrl)).Content.ReadAsStringAsync());
        await first.SubmitAsync(activateUrl, activateUrl, new Dictionary<string, string> { ["version"] = Version(await (await first.GetAsync(activateUrl)).Content.ReadAsStringAsync()) });
        var deactivateAgain = $"{Tenants}/{id}/deactivate";
        var conflict = await second.SubmitAsync(deactivateAgain, deactivateAgain, new Dictionary<string, string> { ["version"] = stale });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);
        Assert.Contains("该城市刚刚已被其他运维人员启用，本次操作未执行。", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await AnyTenantAsync(t => t.Slug == "jinhua" && t.IsActive));
    }

    private async Task<PortalClient> PlatformAsync() => await PortalClient.SignedInAsync(app, "platform@yiyang.demo", string.Empty);

    private static Dictionary<string, string> City(string slug, string name, string code, string counties, string email) => new()
    {
        ["Slug"] = slug,
        ["Name"] = name,
        ["DivisionCode"] = code,
        ["Counties"] = counties,
        ["AdminEmail"] = email,
        ["AdminName"] = "首任管理员",
    };

    private static string Version(string page) => VersionField().Match(page).Groups[1].Value;

    private async Task<bool> AnyTenantAsync(System.Linq.Expressions.Expression<Func<Tenant, bool>> predicate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Tenants.AnyAsync(predicate);
    }

    private async Task<Guid> TenantIdAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    [GeneratedRegex("data-testid=\"issued-password\">([A-Za-z0-9]+)<")]
    private static partial Regex IssuedPassword();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
