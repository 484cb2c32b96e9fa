using Microsoft.EntityFrameworkCore;
using Npgsql;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence;

public static class PortalDbContextOptions
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>The one place that decides how the portal talks to PostgreSQL (web, migrator, tests).</summary>
    public static TBuilder UsePortalDatabase<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "yiyang-portal",
        };

        // Prepared statements (issue 13, the request path): a statement that one pooled connection has run a few times
        // is prepared on it, so PostgreSQL parses and plans each page's queries once per connection instead of on
        // every request (the list's row query spent more time in planning than in running). Row-level security is
        // unaffected: the policies read app.tenant_id when the statement runs, and the pool's reset on close
        // (RESET ALL with prepared statements) still clears the tenant. A connection string may set its own value.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        options
            .UseNpgsql(builder.ConnectionString, npgsql => npgsql
                .MigrationsHistoryTable(MigrationsHistoryTable)
                // An aggregate's collections load one query each, not as one cartesian product.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(TenantConnectionInterceptor.Instance);
        return options;
    }
}
