using YiyangPortal.Domain.Agreements;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// The public verification address printed as the PDF's QR code and under it: <c>{tenant root}/verify/{number}</c>.
/// The tenant root is <c>Portal:PublicBaseUrl</c>/{city} when configured (production: set it, see ADR 015); else the
/// address the current request came in on, so a QR code scanned from a page the user just downloaded opens the same
/// portal; else (seeding, sweeps) the first address the app listens on (<c>ASPNETCORE_URLS</c>).
/// </summary>
public sealed class VerificationLinks(IConfiguration configuration, ITenantContext tenant, IHttpContextAccessor http)
{
    private const string DefaultServerUrl = "http://127.0.0.1:5000";

    public string For(Agreement agreement) => $"{TenantRoot()}/verify/{Uri.EscapeDataString(agreement.DocumentNumber)}";

    /// <summary>Where the city's revocation lists are published (written into its certificates, ADR 017).</summary>
    public string Crl(string authority) => $"{TenantRoot()}/verify/crl/{authority}.crl";

    private string TenantRoot()
    {
        if (configuration["Portal:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return $"{configured.TrimEnd('/')}/{tenant.Slug}";
        }

        // PathBase holds /{city} when the tenant came from the path, and nothing when it came from a mapped host.
        if (http.HttpContext?.Request is { Host.HasValue: true } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return $"{ListeningUrl(configuration["urls"])}/{tenant.Slug}";
    }

    /// <summary>The first of ASPNETCORE_URLS, with a wildcard host read as this machine.</summary>
    internal static string ListeningUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://*", "://localhost").Replace("://+", "://localhost"), UriKind.Absolute, out var uri))
        {
            return DefaultServerUrl;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host; // Uri.Host keeps an IPv6 address's brackets
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
