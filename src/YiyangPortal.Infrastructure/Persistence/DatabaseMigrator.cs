using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>
/// The explicit migration step (<c>YiyangPortal.Web migrate</c>, the compose "migrator" service). It runs as the
/// role that owns the tables, then grants the application role plain DML only: the web app never owns a table,
/// so row-level security always applies to it; it may read which migrations were applied (运行状态, ADR 054), not
/// change them. Evidence tables are insert-only for it (<see cref="AppendOnlyTables"/>)
/// and the audit checkpoints read-only (<see cref="AuditCheckpoints"/>).
/// </summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, string? appRole, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(ownerConnectionString).Options;
        await using var db = new PortalDbContext(options);
        await db.Database.MigrateAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(appRole))
        {
            await db.Database.ExecuteSqlRawAsync(GrantSql(appRole), cancellationToken);
        }
    }

    public static string GrantSql(string appRole)
    {
        if (!RoleName().IsMatch(appRole))
        {
            throw new ArgumentException("The application role must be a plain PostgreSQL identifier.", nameof(appRole));
        }

        return $"""
            GRANT USAGE ON SCHEMA public TO "{appRole}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{appRole}";
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{appRole}";
            REVOKE ALL ON "{PortalDbContextOptions.MigrationsHistoryTable}" FROM "{appRole}";
            GRANT SELECT ON "{PortalDbContextOptions.MigrationsHistoryTable}" TO "{appRole}";
            {AppendOnlyTables.RevokeSql(appRole)}
            {AuditCheckpoints.GrantSql(appRole)}
            {Fulfilment.ServiceRecordPartitions.GrantSql(appRole)}
            """;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
