using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>Issue 12: logout, password change, lock and role change end every session of the user at once.</summary>
public class SessionRevocationTests(SessionAppFactory app) : IClassFixture<SessionAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task Logout_MakesASavedCookieWorthless_ForPagesAndPosts()
    {
        // A browser whose cookies someone copied before the user logged out.
        var cookies = new Dictionary<string, string>();
        var loginToken = await TokenAsync(cookies, "/shaoxing/login");
        await SendAsync(cookies, HttpMethod.Post, "/shaoxing/login", new() { ["__RequestVerificationToken"] = loginToken, ["Email"] = "clinic@shaoxing.demo", ["Password"] = PortalAppFactory.DemoPassword });
        var token = await TokenAsync(cookies, "/shaoxing/account/password");
        var saved = new Dictionary<string, string>(cookies);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(saved, HttpMethod.Get, "/shaoxing/medical")).StatusCode);

        await SendAsync(cookies, HttpMethod.Post, "/shaoxing/logout", new() { ["__RequestVerificationToken"] = token });

        var page = await SendAsync(new Dictionary<string, string>(saved), HttpMethod.Get, "/shaoxing/medical");
        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(page), StringComparison.Ordinal);
        var post = await SendAsync(new Dictionary<string, string>(saved), HttpMethod.Post, "/shaoxing/account/password", new()
        {
            ["__RequestVerificationToken"] = token,
            ["CurrentPassword"] = PortalAppFactory.DemoPassword,
            ["NewPassword"] = "a long new password nobody uses",
            ["ConfirmPassword"] = "a long new password nobody uses",
        });
        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(post), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.For(app).LoginAsync("/shaoxing", "clinic@shaoxing.demo")).StatusCode); // password unchanged
    }

    [Fact]
    public async Task Logout_EndsTheUsersSessionsOnOtherDevicesToo()
    {
        var phone = await _steps.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        var desk = await _steps.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");

        await desk.SubmitAsync("/shaoxing/regulator", "/shaoxing/logout", new Dictionary<string, string>());

        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await phone.GetAsync("/shaoxing/regulator")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSessions_ButKeepsThisOne()
    {
        var (user, password) = await NewStaffAsync("session.change@shaoxing.demo");
        var other = PortalClient.For(app);
        await other.LoginAsync("/shaoxing", user, password);
        var me = PortalClient.For(app);
        await me.LoginAsync("/shaoxing", user, password);

        var changed = await me.SubmitAsync("/shaoxing/account/password", "/shaoxing/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password,
            ["NewPassword"] = "风和日丽的一个下午茶时间",
            ["ConfirmPassword"] = "风和日丽的一个下午茶时间",
        });

        Assert.Equal("/shaoxing/eldercare", PortalClient.RedirectPath(changed));
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/shaoxing/eldercare")).StatusCode);
        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await other.GetAsync("/shaoxing/eldercare")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockByTheAdmin_EndsTheOpenSessionAtOnce()
    {
        var (user, password) = await NewStaffAsync("session.lock@shaoxing.demo");
        var session = PortalClient.For(app);
        await session.LoginAsync("/shaoxing", user, password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/shaoxing/eldercare")).StatusCode);

        var admin = await _steps.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var id = await UserIdAsync(user);
        await admin.SubmitAsync("/shaoxing/admin/accounts", $"/shaoxing/admin/accounts/{id}/lock", new Dictionary<string, string> { ["locked"] = "true" });

        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await session.GetAsync("/shaoxing/eldercare")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_EndsTheSession_WhoseCookieNamesTheOldRole()
    {
        var (user, password) = await NewStaffAsync("session.role@shaoxing.demo");
        var session = PortalClient.For(app);
        await session.LoginAsync("/shaoxing", user, password);

        await InShaoxingAsync(async (db, users) =>
        {
            var portalUser = await users.FindByNameAsync(user) ?? throw new InvalidOperationException();
            var county = await db.Counties.Select(c => c.Id).FirstAsync();
            portalUser.Assign(RoleAssignment.CountyRegulator(Bureau.CivilAffairs, county));
            await users.UpdateAsync(portalUser);
        });

        Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await session.GetAsync("/shaoxing/eldercare")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionEnds_AfterTwelveHours_HoweverActive()
    {
        var (user, password) = await NewStaffAsync("session.age@shaoxing.demo");
        var session = PortalClient.For(app);
        await session.LoginAsync("/shaoxing", user, password);
        try
        {
            app.Clock.Offset = TimeSpan.FromHours(11);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/shaoxing/eldercare")).StatusCode);

            app.Clock.Offset = TimeSpan.FromHours(12.5);
            Assert.StartsWith("/shaoxing/login", PortalClient.RedirectPath(await session.GetAsync("/shaoxing/eldercare")), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    /// <summary>A fresh elder-care account (the demo accounts stay as they are for the other tests).</summary>
    private async Task<(string Email, string Password)> NewStaffAsync(string email)
    {
        var admin = await _steps.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var form = await (await admin.GetAsync("/shaoxing/admin/accounts/new")).Content.ReadAsStringAsync();
        var home = System.Text.RegularExpressions.Regex.Match(form, "<option value=\"([0-9a-f-]{36})\">越城区福乐养老院</option>").Groups[1].Value;
        var issued = await (await admin.SubmitAsync("/shaoxing/admin/accounts/new", "/shaoxing/admin/accounts/new", new Dictionary<string, string>
        {
            ["DisplayName"] = email,
            ["Email"] = email,
            ["Role"] = "ElderCareStaff",
            ["ElderCareInstitutionId"] = home,
        })).Content.ReadAsStringAsync();
        return (email, System.Text.RegularExpressions.Regex.Match(issued, "data-testid=\"issued-password\">([A-Za-z0-9]+)<").Groups[1].Value);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        var id = Guid.Empty;
        await InShaoxingAsync(async (_, users) => id = (await users.FindByNameAsync(email))!.Id);
        return id;
    }

    private async Task InShaoxingAsync(Func<PortalDbContext, UserManager<PortalUser>, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);
        await work(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    private async Task<string> TokenAsync(Dictionary<string, string> cookies, string page)
    {
        var html = await (await SendAsync(cookies, HttpMethod.Get, page)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    }

    /// <summary>A request carrying exactly <paramref name="cookies"/>, which it then updates from Set-Cookie.</summary>
    private async Task<HttpResponseMessage> SendAsync(Dictionary<string, string> cookies, HttpMethod method, string url, Dictionary<string, string>? form = null)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)))
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
