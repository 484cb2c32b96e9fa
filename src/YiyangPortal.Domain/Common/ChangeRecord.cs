namespace YiyangPortal.Domain.Common;

/// <summary>
/// One recorded change of an <see cref="IRecordsChanges"/> entity: who changed what, when, from what to what.
/// Append-only; <see cref="Changes"/> is JSON <c>{"Property": {"before": …, "after": …}}</c>.
/// </summary>
public sealed class ChangeRecord : ITenantOwned
{
    private ChangeRecord()
    {
        EntityType = string.Empty;
        Action = string.Empty;
        ActorName = string.Empty;
        Changes = "{}";
    }

    public ChangeRecord(
        Guid tenantId, string entityType, Guid entityId, string action, Guid? actorUserId, string actorName,
        DateTimeOffset occurredAt, string changes)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = actorName;
        OccurredAt = occurredAt;
        Changes = changes;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    /// <summary>"created", "updated".</summary>
    public string Action { get; private set; }

    public Guid? ActorUserId { get; private set; }

    /// <summary>The actor's display name at the time (kept so the history stays readable if the account goes).</summary>
    public string ActorName { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Changes { get; private set; }
}
