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
