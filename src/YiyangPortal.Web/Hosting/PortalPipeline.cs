using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Localization;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Hosting;

internal static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        // Refuse to serve without the audit key rather than fail at the first agreement step.
        _ = app.Services.GetRequiredService<YiyangPortal.Domain.Auditing.AuditKeyring>();
        if (app.Configuration.GetValue("Portal:BehindProxy", false))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseSerilogRequestLogging();

        // Before tenant resolution: probes never depend on a tenant.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization(PortalCultures.Options());
        app.UseRouting();
        app.UseMiddleware<BadInputGuard>(); // after routing: an endpoint's own body limit is known
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            // Every change record names its author (docs/decisions/009-change-records.md).
            if (CurrentUser.From(context.User) is { } me)
            {
                context.RequestServices.GetRequiredService<TenantContext>().SetActor(me.Id, me.DisplayName);
            }

            return next(context);
        });
        app.UseRateLimiter(); // after authentication: the password-change limit is per user
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
