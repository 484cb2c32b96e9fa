using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>The tenant admin opens accounts bound to the city's institutions; the new user signs in and changes the password.</summary>
public partial class AccountManagementTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Accounts = "/shaoxing/admin/accounts";

    [Fact]
    public async Task NewStaffAccount_SignsInWithTheIssuedPassword_AndCanChangeIt()
    {
        var admin = await AdminAsync();
        var home = HomeOption().Match(await (await admin.GetAsync(Accounts + "/new")).Content.ReadAsStringAsync()).Groups[1].Value;

        var response = await admin.SubmitAsync(Accounts + "/new", Accounts + "/new", new Dictionary<string, string>
        {
            ["DisplayName"] = "新员工 刘洋",
            ["Email"] = "liuyang@shaoxing.demo",
            ["Role"] = "ElderCareStaff",
            ["ElderCareInstitutionId"] = home,
        });
        var html = await response.Content.ReadAsStringAsync();
        var password = IssuedPassword().Match(html).Groups[1].Value;
        Assert.Equal(16, password.Length);
        Assert.True(response.Headers.CacheControl?.NoStore);

        var user = PortalClient.For(app);
        var login = await user.LoginAsync("/shaoxing", "liuyang@shaoxing.demo", password);
        Assert.Equal("/shaoxing/eldercare", PortalClient.RedirectPath(login));
        var changed = await user.SubmitAsync("/shaoxing/account/password", "/shaoxing/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password,
            ["NewPassword"] = "a long and memorable sentence",
            ["ConfirmPassword"] = "a long and memorable sentence",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var again = PortalClient.For(app);
        Assert.Equal("/shaoxing/eldercare", PortalClient.RedirectPath(await again.LoginAsync("/shaoxing", "liuyang@shaoxing.demo", "a long and memorable sentence")));
    }

    [Fact]
    public async Task StaffRoleWithoutInstitution_AndATakenEmail_GetMessagesNextToTheFields()
    {
        var admin = await AdminAsync();

        var missing = await (await admin.SubmitAsync(Accounts + "/new", Accounts + "/new", new Dictionary<string, string>
        {
            ["DisplayName"] = "某某",
            ["Email"] = "someone@shaoxing.demo",
            ["Role"] = "ElderCareStaff",
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"ElderCareInstitutionId\">请选择所属养老服务机构。", missing, StringComparison.Ordinal);

        var taken = await (await admin.SubmitAsync(Accounts + "/new", Accounts + "/new", new Dictionary<string, string>
        {
            ["DisplayName"] = "某某",
            ["Email"] = "staff@shaoxing.demo",
            ["Role"] = "TenantAdmin",
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"Email\">本市已有使用该电子邮箱的账户。", taken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouAdmin_CannotLockAShaoxingAccount()
    {
        var shaoxing = await AdminAsync();
        var id = LockForm().Match(await (await shaoxing.GetAsync(Accounts)).Content.ReadAsStringAsync()).Groups[1].Value;
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "admin@wenzhou.demo");

        var response = await wenzhou.SubmitAsync("/wenzhou/admin/accounts", $"/wenzhou/admin/accounts/{id}/lock", new Dictionary<string, string> { ["locked"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LockedAccount_CannotSignIn()
    {
        var admin = await AdminAsync();
        var email = await TestData.NewRegulatorAsync(app, Domain.Identity.Bureau.Health, "越城区");
        var id = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());

        await admin.SubmitAsync(Accounts, $"{Accounts}/{id}/lock", new Dictionary<string, string> { ["locked"] = "true" });

        var login = await PortalClient.For(app).LoginAsync("/shaoxing", email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again, with the lockout message
        Assert.Contains("账户已停用，请联系本市管理员。", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        return client;
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">越城区福乐养老院</option>")]
    private static partial Regex HomeOption();

    [GeneratedRegex("data-testid=\"issued-password\">([A-Za-z0-9]+)<")]
    private static partial Regex IssuedPassword();

    [GeneratedRegex("/shaoxing/admin/accounts/([0-9a-f-]{36})/lock")]
    private static partial Regex LockForm();
}
