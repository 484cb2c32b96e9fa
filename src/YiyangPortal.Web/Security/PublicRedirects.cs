using Microsoft.Extensions.Options;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Security;

/// <summary>
/// Redirects never echo the request's Host header (issue 12, ASVS 5.1.5): the sign-in cookie's redirects (to the
/// login page, away after logout, access denied) are built by ASP.NET Core as absolute URLs from the Host header, so
/// they are rewritten here. A host the tenant map names is configuration and is kept; otherwise the host of
/// <c>Portal:PublicBaseUrl</c> when set (ADR 015), else a relative URL. The path — with the tenant's /{city} — stays.
/// </summary>
public static class PublicRedirects
{
    public static string Rewrite(HttpContext http, string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) || absolute.Scheme is not ("http" or "https"))
        {
            return redirectUri;
        }

        var hosts = http.RequestServices.GetRequiredService<IOptions<TenancyOptions>>().Value.Hosts;
        if (hosts.ContainsKey(absolute.Host))
        {
            return redirectUri;
        }

        var local = absolute.PathAndQuery + absolute.Fragment;
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Portal:PublicBaseUrl"];
        // Like the verification address (ADR 015): the configured base, then the path the app serves.
        return Uri.TryCreate(configured, UriKind.Absolute, out _)
            ? configured!.TrimEnd('/') + local
            : local;
    }

    /// <summary>The cookie events' redirect: to the rewritten address.</summary>
    public static Task Redirect<TOptions>(Microsoft.AspNetCore.Authentication.RedirectContext<TOptions> context)
        where TOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        context.Response.Redirect(Rewrite(context.HttpContext, context.RedirectUri));
        return Task.CompletedTask;
    }
}
