using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence, the tenant context, Identity's EF stores and shared data-protection keys.</summary>
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, string connectionString)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        // The options are built once (connection string parsed, provider configured), not once per request's scope.
        services.AddDbContext<PortalDbContext>(options => options.UsePortalDatabase(connectionString), optionsLifetime: ServiceLifetime.Singleton);

        services.AddIdentityCore<PortalUser>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Keys in PostgreSQL: every web instance decrypts every other's cookies and antiforgery tokens.
        services.AddDataProtection()
            .SetApplicationName("YiyangPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        return services;
    }
}
