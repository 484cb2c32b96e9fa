using YiyangPortal.Domain.Agreements;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// The public verification address printed as the PDF's QR code: <c>{Portal:PublicBaseUrl}/{city}/verify/{number}</c>.
/// From configuration, never from the request's Host header, so the printed address cannot be steered by a client.
/// </summary>
public sealed class VerificationLinks(IConfiguration configuration, ITenantContext tenant)
{
    public string For(Agreement agreement) =>
        $"{configuration["Portal:PublicBaseUrl"]?.TrimEnd('/') ?? "http://127.0.0.1:5000"}/{tenant.Slug}/verify/{Uri.EscapeDataString(agreement.DocumentNumber)}";
}
