using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Security;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 13 point 4: controllers name a policy, never roles; every policy they name is registered, and the role
/// names live in <see cref="PortalPolicies"/> alone.
/// </summary>
public sealed class AuthorizationPolicyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static IEnumerable<(string Where, AuthorizeAttribute Attribute)> Attributes() =>
        typeof(PortalPolicies).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Cast<MemberInfo>().Prepend(t))
            .SelectMany(m => m.GetCustomAttributes<AuthorizeAttribute>(inherit: false).Select(a => ($"{m.DeclaringType?.Name}.{m.Name}", a)));

    [Fact]
    public void NoControllerNamesRoles() =>
        Assert.All(Attributes(), a => Assert.True(a.Attribute.Roles is null, $"{a.Where} names roles"));

    [Fact]
    public async Task EveryPolicyNamedIsRegistered()
    {
        using var scope = app.Services.CreateScope();
        var policies = scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var (where, attribute) in Attributes().Where(a => a.Attribute.Policy is not null))
        {
            Assert.True(await policies.GetPolicyAsync(attribute.Policy!) is not null, $"{where}: policy {attribute.Policy} is not registered");
        }

    }

    [Fact]
    public void EveryRoleIsAdmittedBySomePolicy() =>
        Assert.All(Enum.GetValues<YiyangPortal.Domain.Identity.PortalRole>(), role =>
            Assert.Contains(PortalPolicies.Roles.Values, roles => roles.Contains(role)));
}
