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
    /// <summary>Where the requests of a 停用 city go (under the reserved <c>error</c> segment).</summary>
    public const string ClosedCityPath = "/error/city-closed";

    /// <summary>The <see cref="HttpContext.Items"/> key of the 停用 city a request asked for.</summary>
    public static readonly object ClosedCityKey = new();

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
            return await catalog.FindAsync(hostSlug, context.RequestAborted) ?? await ClosedAsync(context, catalog, hostSlug);
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
            return tenant;
        }

        return await ClosedAsync(context, catalog, segment);
    }

    /// <summary>
    /// A 停用 city (ADR 054): every URL of it, sign-in included, shows the "门户已停用" page (503) with no tenant set,
    /// instead of "page not found" or a sign-in that silently fails. Nothing of the city is read.
    /// </summary>
    private static async Task<TenantInfo?> ClosedAsync(HttpContext context, TenantCatalog catalog, string slug)
    {
        if (await catalog.FindInactiveAsync(slug, context.RequestAborted) is { } closed)
        {
            context.Items[ClosedCityKey] = closed;
            context.Request.Path = ClosedCityPath;
        }

        return null;
    }
}

public static class TenantHttpContextExtensions
{
    /// <summary>The tenant of this request, or null on platform-level URLs.</summary>
    public static TenantInfo? GetTenant(this HttpContext context) =>
        context.Items.TryGetValue(typeof(TenantInfo), out var value) ? value as TenantInfo : null;
}
