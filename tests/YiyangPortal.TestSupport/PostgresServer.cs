using Npgsql;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.TestSupport;

/// <summary>
/// The throwaway PostgreSQL cluster of <c>make test</c>. Once per cluster it creates the two roles of a real
/// deployment (an owner that migrates, an application role that does not own the tables) and a migrated template
/// database; each test class then gets its own database cloned from that template in tens of milliseconds.
/// </summary>
public static class PostgresServer
{
    public const string OwnerRole = "yiyang_test_owner";
    public const string AppRole = "yiyang_test_app";

    // Fixed passwords are fine: the cluster listens on loopback only and is deleted after the run.
    private const string OwnerPassword = "owner-test-password";
    private const string AppPassword = "app-test-password";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("YIYANG_TEST_ADMIN_CONNECTION") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "YIYANG_TEST_ADMIN_CONNECTION is not set: run the tests with `make test`, which starts a throwaway PostgreSQL.");

    /// <summary>Creates a fresh database from the migrated template and returns its connection strings.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = "yiyang_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE {name} TEMPLATE {template} OWNER {OwnerRole}");
        return new TestDatabase(name, ConnectionString(name, OwnerRole, OwnerPassword), ConnectionString(name, AppRole, AppPassword));
    }

    public static Task DropDatabaseAsync(string name) =>
        ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private static async Task<string> EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            // Test assemblies run in parallel processes against one cluster: an advisory lock serialises set-up.
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(727274)", admin))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            var template = "yiyang_template_" + MigrationsFingerprint();
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
            {
                exists.Parameters.AddWithValue("n", template);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await CreateTemplateAsync(admin, template);
                }
            }

            _template = template;
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task CreateTemplateAsync(NpgsqlConnection admin, string template)
    {
        await using (var roles = new NpgsqlCommand($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                CREATE ROLE {OwnerRole} LOGIN PASSWORD '{OwnerPassword}';
              END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{AppPassword}';
              END IF;
            END $$;
            """, admin))
        {
            await roles.ExecuteNonQueryAsync();
        }

        var building = template + "_building";
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {building} OWNER {OwnerRole}");

        // No pooling: CREATE DATABASE ... TEMPLATE refuses while any connection to the template is open.
        var owner = ConnectionString(building, OwnerRole, OwnerPassword) + ";Pooling=false";
        await DatabaseMigrator.MigrateAsync(owner, AppRole, CancellationToken.None);
        await ExecuteAsync(admin, $"ALTER DATABASE {building} RENAME TO {template}");
    }

    /// <summary>A new migration gives a new template name, so a stale template is never reused.</summary>
    private static string MigrationsFingerprint()
    {
        var ids = typeof(PortalDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
                .OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
            .Where(id => id is not null)
            .Order(StringComparer.Ordinal);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", ids)));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static string ConnectionString(string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database,
            Username = user,
            Password = password,
        }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database of one test class: connect as the owner for set-up, as the app role for everything else.</summary>
public sealed record TestDatabase(string Name, string OwnerConnectionString, string AppConnectionString);
