using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Issue 12: common and breached passwords (the bundled list), passwords containing the e-mail's local part and the
/// current password again are refused; wrong current passwords count toward the lockout.
/// </summary>
public partial class PasswordScreeningTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Theory]
    [InlineData("listed.pw", "qwertyuiop123", "该密码过于常见")] // a listed password with digits added
    [InlineData("breached.pw", "1qaz2wsx3edc", "该密码过于常见")] // on the list as it is
    [InlineData("repeated.pw", "abcabcabcabc", "该密码过于常见")] // three letters repeated
    [InlineData("screen.pw", "my-screen.pw-is-secret", "密码不能包含电子邮箱 @ 前面的部分。")]
    public async Task ChangePassword_ToAScreenedPassword_IsRefusedNextToTheField(string localPart, string newPassword, string message)
    {
        var (client, password) = await NewAccountAsync(localPart);

        var html = await ChangeAsync(client, password, newPassword);

        Assert.Matches("data-field-error=\"NewPassword\">[^<]*" + Regex.Escape(message), html);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.For(app).LoginAsync("/shaoxing", localPart + "@shaoxing.demo", password)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ToTheCurrentOne_IsRefused()
    {
        var (client, password) = await NewAccountAsync("same.pw");

        Assert.Contains("新密码不能与当前密码相同。", await ChangeAsync(client, password, password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_ToAnUncommonPassphrase_IsAccepted()
    {
        var (client, password) = await NewAccountAsync("good.pw");

        var response = await client.SubmitAsync("/shaoxing/account/password", "/shaoxing/account/password", Form(password, "窗外的梧桐树又绿了整整一年"));

        Assert.Equal("/shaoxing/eldercare", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task WrongCurrentPasswords_CountTowardTheLockout_AndReachingItEndsTheSession()
    {
        var (client, password) = await NewAccountAsync("wrong.pw");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("当前密码不正确。", await ChangeAsync(client, "not-my-password-" + i, "窗外的梧桐树又绿了整整一年"), StringComparison.Ordinal);
        }

        var fifth = await client.SubmitAsync("/shaoxing/account/password", "/shaoxing/account/password", Form("not-my-password-5", "窗外的梧桐树又绿了整整一年"));

        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(fifth), StringComparison.Ordinal);
        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await client.GetAsync("/shaoxing/eldercare")), StringComparison.Ordinal);
        var again = await PortalClient.For(app).LoginAsync("/shaoxing", "wrong.pw@shaoxing.demo", password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // locked: even the right password is answered like a wrong one
    }

    private static Dictionary<string, string> Form(string current, string next) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = next,
    };

    private static async Task<string> ChangeAsync(PortalClient client, string current, string next) =>
        await (await client.SubmitAsync("/shaoxing/account/password", "/shaoxing/account/password", Form(current, next))).Content.ReadAsStringAsync();

    private async Task<(PortalClient Client, string Password)> NewAccountAsync(string localPart)
    {
        var email = localPart + "@shaoxing.demo";
        var admin = await _steps.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var form = await (await admin.GetAsync("/shaoxing/admin/accounts/new")).Content.ReadAsStringAsync();
        var home = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\">越城区福乐养老院</option>").Groups[1].Value;
        var issued = await (await admin.SubmitAsync("/shaoxing/admin/accounts/new", "/shaoxing/admin/accounts/new", new Dictionary<string, string>
        {
            ["DisplayName"] = localPart,
            ["Email"] = email,
            ["Role"] = "ElderCareStaff",
            ["ElderCareInstitutionId"] = home,
        })).Content.ReadAsStringAsync();
        var password = Regex.Match(issued, "data-testid=\"issued-password\">([A-Za-z0-9]+)<").Groups[1].Value;
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email, password);
        return (client, password);
    }
}
