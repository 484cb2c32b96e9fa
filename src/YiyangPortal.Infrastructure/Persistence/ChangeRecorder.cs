using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>
/// Writes a <see cref="ChangeRecord"/> for every added or modified <see cref="IRecordsChanges"/> entity, in the same
/// SaveChanges (so the same transaction): a change without its record, or a record without its change, cannot happen.
/// </summary>
internal static class ChangeRecorder
{
    private const string SystemActor = "系统";

    public static void Record(DbContext db, ITenantContext context, DateTimeOffset now)
    {
        db.ChangeTracker.DetectChanges();
        var records = new List<ChangeRecord>();
        foreach (var entry in db.ChangeTracker.Entries<IRecordsChanges>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is not ITenantOwned owned)
            {
                continue;
            }

            var changes = Describe(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            records.Add(new ChangeRecord(
                owned.TenantId,
                entry.Metadata.ClrType.Name,
                entry.Entity.Id,
                entry.State == EntityState.Added ? "created" : "updated",
                context.ActorUserId,
                context.ActorName ?? SystemActor,
                now,
                JsonSerializer.Serialize(changes)));
        }

        db.Set<ChangeRecord>().AddRange(records);
    }

    private static Dictionary<string, Change> Describe(EntityEntry<IRecordsChanges> entry)
    {
        var changes = new Dictionary<string, Change>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is "Id" or "TenantId" || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            if (entry.State == EntityState.Added)
            {
                changes[name] = new Change(null, Text(property.CurrentValue));
            }
            else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                changes[name] = new Change(Text(property.OriginalValue), Text(property.CurrentValue));
            }
        }

        return changes;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record Change(string? Before, string? After);
}
