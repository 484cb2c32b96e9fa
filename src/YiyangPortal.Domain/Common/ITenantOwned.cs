namespace YiyangPortal.Domain.Common;

/// <summary>
/// A row that belongs to one tenant (a city deployment). Every such row is hidden from other tenants twice:
/// by the EF Core "Tenant" query filter and by PostgreSQL row-level security.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
