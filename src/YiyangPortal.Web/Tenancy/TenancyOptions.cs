namespace YiyangPortal.Web.Tenancy;

/// <summary>
/// Configuration section "Tenancy". <c>Hosts</c> maps a host name to a tenant slug, for deployments that give a
/// city its own domain (e.g. <c>"yiyang.sx.gov.cn": "shaoxing"</c>); there the path carries no tenant segment.
/// </summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    public Dictionary<string, string> Hosts { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
