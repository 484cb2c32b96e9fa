using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Issue 12: sign-in per address and per account, password changes and the verification look-up and upload are
/// rate limited (429, Chinese); sign-in takes the same work whether or not the account exists or is locked, and a
/// locked account is answered like a wrong password. Limits here are this factory's small ones.
/// </summary>
public class RateLimitTests(LimitedAppFactory app) : IClassFixture<LimitedAppFactory>
{
    [Fact]
    public async Task SignIn_FromOneAddress_IsLimitedWhateverTheAccount()
    {
        var client = From("203.0.113.1");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("/shaoxing", $"nobody{i}@shaoxing.demo", "wrong-password-x")).StatusCode);
        }

        var refused = await client.LoginAsync("/shaoxing", "nobody9@shaoxing.demo", "wrong-password-x");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("操作过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
    }

    [Theory]
    [InlineData("ghost@shaoxing.demo")]
    [InlineData("weijian@shaoxing.demo")]
    public async Task SignIn_ForOneAccount_IsLimitedFromAnyAddress_ExistingOrNot(string email)
    {
        for (var i = 0; i < 3; i++)
        {
            await From($"198.51.100.{i + (email.Length * 3)}").LoginAsync("/shaoxing", email, "wrong-password-x");
        }

        var refused = await From("198.51.100.200").LoginAsync("/shaoxing", email, PortalAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁，请稍后再试。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationLookup_IsLimitedPerAddress()
    {
        var visitor = From("203.0.113.20");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/shaoxing/verify/330602-2026-90000{i}")).StatusCode);
        }

        var refused = await visitor.GetAsync("/shaoxing/verify/330602-2026-900009");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("短时间内的尝试次数过多", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationUpload_IsLimitedPerAddress()
    {
        var visitor = From("203.0.113.21");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await visitor.UploadAsync("/shaoxing/verify", "/shaoxing/verify/330602-2026-000001", "a.pdf", "%PDF-1.4 x"u8.ToArray())).StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task PasswordChange_IsLimitedPerUser()
    {
        var user = From("203.0.113.22");
        await user.LoginAsync("/wenzhou", "staff@wenzhou.demo");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await user.SubmitAsync("/wenzhou/account/password", "/wenzhou/account/password", new Dictionary<string, string>
            {
                ["CurrentPassword"] = "not-the-current-one",
                ["NewPassword"] = "a long new password nobody uses",
                ["ConfirmPassword"] = "a long new password nobody uses",
            })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_ChecksOnePassword_WhetherTheAccountExists_IsLocked_OrNot()
    {
        var counts = new List<int>();
        foreach (var (email, password) in new[]
                 {
                     ("no-such-person@wenzhou.demo", "wrong-password-x"),
                     ("admin@wenzhou.demo", "wrong-password-x"),
                 })
        {
            var before = app.Hasher.Verifications;
            var response = await From("192.0.2." + counts.Count).LoginAsync("/wenzhou", email, password);
            counts.Add(app.Hasher.Verifications - before);
            Assert.Contains("电子邮箱或密码不正确。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([1, 1], counts);
    }

    [Fact]
    public async Task ALockedAccount_IsAnsweredLikeAWrongPassword_InTheSameWork()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var wenzhou = await db.Tenants.SingleAsync(t => t.Slug == "wenzhou");
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(wenzhou.Id, wenzhou.Slug, wenzhou.Name);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("clinic@wenzhou.demo"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var before = app.Hasher.Verifications;
        var answer = await From("192.0.2.51").LoginAsync("/wenzhou", "clinic@wenzhou.demo", PortalAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains(YiyangPortal.Web.Features.Account.AccountController.FailedMessage, html, StringComparison.Ordinal);
        Assert.Equal(1, app.Hasher.Verifications - before);
    }

    private PortalClient From(string address)
    {
        var client = PortalClient.For(app);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
