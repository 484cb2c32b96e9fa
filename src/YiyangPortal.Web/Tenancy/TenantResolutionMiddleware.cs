using Microsoft.Extensions.Options;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Tenancy;

/// <summary>
/// Finds the tenant of a request: from the host map when configured, else from the first path segment
/// (<c>/shaoxing/...</c>). The segment moves into PathBase, so every route, link and redirect below is
/// tenant-relative and generated URLs keep the tenant without any controller knowing about it.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyOptions> options)
{
    public async Task InvokeAsync(HttpContext context, TenantCatalog catalog, TenantContext tenantContext)
    {
        var tenant = await ResolveAsync(context, catalog, options.Value);
        if (tenant is not null)
        {
            tenantContext.Set(tenant.Id, tenant.Slug, tenant.Name);
            context.Items[typeof(TenantInfo)] = tenant;
        }

        await next(context);
    }

    private static async Task<TenantInfo?> ResolveAsync(HttpContext context, TenantCatalog catalog, TenancyOptions options)
    {
        if (options.Hosts.TryGetValue(context.Request.Host.Host, out var hostSlug))
        {
            return await catalog.FindAsync(hostSlug, context.RequestAborted);
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (path.Length < 2)
        {
            return null;
        }

        var end = path.IndexOf('/', 1);
        var segment = end < 0 ? path[1..] : path[1..end];
        if (!Tenant.IsValidSlug(segment))
        {
            return null;
        }

        var tenant = await catalog.FindAsync(segment, context.RequestAborted);
        if (tenant is not null)
        {
            context.Request.PathBase = context.Request.PathBase.Add("/" + segment);
            context.Request.Path = end < 0 ? "/" : path[end..];
        }

        return tenant;
    }
}

public static class TenantHttpContextExtensions
{
    /// <summary>The tenant of this request, or null on platform-level URLs.</summary>
    public static TenantInfo? GetTenant(this HttpContext context) =>
        context.Items.TryGetValue(typeof(TenantInfo), out var value) ? value as TenantInfo : null;
}
