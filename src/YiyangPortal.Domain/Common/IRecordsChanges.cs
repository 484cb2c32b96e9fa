namespace YiyangPortal.Domain.Common;

/// <summary>
/// Marks an entity whose every change is recorded as a <see cref="ChangeRecord"/> (who, when, before, after).
/// The persistence layer writes the records in the same transaction as the change.
/// </summary>
public interface IRecordsChanges
{
    Guid Id { get; }
}
