using Npgsql;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.TestSupport;

/// <summary>
/// The throwaway PostgreSQL cluster of <c>make test</c>. Once per cluster it creates the two roles of a real
/// deployment (an owner that migrates, an application role that does not own the tables) and a migrated template
/// database; once per cluster, build and day a second template seeded with the demo city by the real seeding entry
/// point. Each test class then gets its own database cloned from one of them, so the demo city is seeded once per
/// test run, not once per class.
/// </summary>
public static class PostgresServer
{
    public const string OwnerRole = "yiyang_test_owner";
    public const string AppRole = "yiyang_test_app";

    // Fixed passwords are fine: the cluster listens on loopback only and is deleted after the run.
    private const string OwnerPassword = "owner-test-password";
    private const string AppPassword = "app-test-password";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim SeededGate = new(1, 1);
    private static string? _template;
    private static string? _seeded;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("YIYANG_TEST_ADMIN_CONNECTION") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "YIYANG_TEST_ADMIN_CONNECTION is not set: run the tests with `make test`, which starts a throwaway PostgreSQL.");

    /// <summary>
    /// Creates a fresh database and returns its connection strings: a clone of the migrated template, or, with
    /// <paramref name="seed"/>, of the template that <paramref name="seed"/> filled once (on a fresh migrated database).
    /// </summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(Func<TestDatabase, Task>? seed = null)
    {
        var template = seed is null ? await EnsureTemplateAsync() : await EnsureSeededTemplateAsync(seed);
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
            await ExecuteAsync(admin, "SELECT pg_advisory_lock(727274)");

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

    /// <summary>
    /// The seeded template of this build and Beijing day (the demo data is dated relative to its seeding day):
    /// made once per cluster under an advisory lock, since test assemblies run in parallel processes.
    /// </summary>
    private static async Task<string> EnsureSeededTemplateAsync(Func<TestDatabase, Task> seed)
    {
        var migrated = await EnsureTemplateAsync();
        await SeededGate.WaitAsync();
        try
        {
            if (_seeded is not null)
            {
                return _seeded;
            }

            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await ExecuteAsync(admin, "SELECT pg_advisory_lock(727275)");
            var day = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var template = $"yiyang_seeded_{BuildFingerprint()}_{day}";
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
            {
                exists.Parameters.AddWithValue("n", template);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await DropOlderSeededTemplatesAsync(admin);
                    var building = template + "_building";
                    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
                    await ExecuteAsync(admin, $"CREATE DATABASE {building} TEMPLATE {migrated} OWNER {OwnerRole}");
                    await seed(new TestDatabase(
                        building, ConnectionString(building, OwnerRole, OwnerPassword), ConnectionString(building, AppRole, AppPassword)));

                    // The seeding host's pooled connections may linger; a template must have none.
                    await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{building}'");
                    await ExecuteAsync(admin, $"ALTER DATABASE {building} RENAME TO {template}");
                }
            }

            await ExecuteAsync(admin, "SELECT pg_advisory_unlock(727275)");
            _seeded = template;
            return template;
        }
        finally
        {
            SeededGate.Release();
        }
    }

    /// <summary>
    /// Seeded templates of other builds or days pile up on a long-lived cluster (each is tens of MB): those made more
    /// than three hours ago are dropped. One still being cloned is left for a later run.
    /// </summary>
    private static async Task DropOlderSeededTemplatesAsync(NpgsqlConnection admin)
    {
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT datname FROM pg_database
            WHERE starts_with(datname, 'yiyang_seeded_') AND NOT datname LIKE '%building'
              AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '3 hours'
            """, admin))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stale.Add(reader.GetString(0));
            }
        }

        await ExecuteAsync(admin, "SET lock_timeout = '2s'");
        foreach (var name in stale)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name}");
            }
            catch (PostgresException)
            {
                // In use by a run that is still going: a later run drops it.
            }
        }

        await ExecuteAsync(admin, "RESET lock_timeout");
    }

    /// <summary>The migrations and the code that seeds: a changed seeder or workflow gives a new seeded template.</summary>
    private static string BuildFingerprint()
    {
        var modules = new[] { typeof(Program), typeof(PortalDbContext), typeof(Domain.Agreements.Agreement), typeof(Documents.AgreementPdfRenderer), typeof(PostgresServer) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        var hash = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(MigrationsFingerprint() + string.Join(",", modules)));
        return Convert.ToHexStringLower(hash)[..12];
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

    /// <summary>Runs one statement; advisory-lock waits have no timeout (another process may be seeding for minutes).</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("pg_advisory_lock(", StringComparison.Ordinal))
        {
            command.CommandTimeout = 0;
        }

        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database of one test class: connect as the owner for set-up, as the app role for everything else.</summary>
public sealed record TestDatabase(string Name, string OwnerConnectionString, string AppConnectionString);
