using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>OWASP ASVS L2: at least 12 characters, no composition rules, long passphrases allowed.</summary>
public class PasswordPolicyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("elevenchars", false)]
    [InlineData("twelve chars", true)]
    [InlineData("alllowercaseletters", true)]
    [InlineData("一个足够长的中文口令短语就可以", true)]
    public async Task Passwords_AreJudgedByLengthOnly(string password, bool accepted)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = PortalUser.Create(null, $"p{Guid.NewGuid():N}@yiyang.demo", "测试", RoleAssignment.PlatformAdmin());

        var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));

        Assert.Equal(accepted, results.All(r => r.Succeeded));
    }

    [Fact]
    public async Task PasswordsOver128Characters_AreRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = PortalUser.Create(null, "long@yiyang.demo", "测试", RoleAssignment.PlatformAdmin());

        var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, new string('x', 129))));

        Assert.Contains(results, r => !r.Succeeded);
    }
}
