using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
        // Pooled contexts (ADR 031): a scope rents one and binds it to the scope's tenant; disposing the scope returns
        // it without a tenant. The options are built once (connection string parsed, provider configured).
        services.AddPooledDbContextFactory<PortalDbContext>(options => options.UsePortalDatabase(connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext()
            .Attach(sp.GetRequiredService<ITenantContext>(), sp.GetRequiredService<TimeProvider>()));

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
