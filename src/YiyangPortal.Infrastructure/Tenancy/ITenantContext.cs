namespace YiyangPortal.Infrastructure.Tenancy;

/// <summary>The tenant of the current unit of work (an HTTP request, a seeding step). Null: no tenant.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }

    string? Slug { get; }

    string? Name { get; }

    /// <summary>The signed-in user whose changes are recorded (<see cref="Domain.Common.ChangeRecord"/>); null: the system.</summary>
    Guid? ActorUserId { get; }

    string? ActorName { get; }
}

/// <summary>No tenant and no actor: a database context that is not rented (ADR 031).</summary>
internal sealed class NoTenant : ITenantContext
{
    public static NoTenant Instance { get; } = new();

    public Guid? TenantId => null;

    public string? Slug => null;

    public string? Name => null;

    public Guid? ActorUserId => null;

    public string? ActorName => null;
}

/// <summary>Scoped holder set once per request by the tenant resolution middleware.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }

    public string? Slug { get; private set; }

    public string? Name { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>Who acts in this scope; set after authentication so every recorded change names its author.</summary>
    public void SetActor(Guid userId, string name)
    {
        ActorUserId = userId;
        ActorName = name;
    }

    public void Set(Guid tenantId, string slug, string name)
    {
        if (TenantId is not null && TenantId != tenantId)
        {
            // A scope belongs to one tenant for its whole life: switching would let tracked rows cross over.
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }

        TenantId = tenantId;
        Slug = slug;
        Name = name;
    }
}
