using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// The second tenancy wall, tested below EF's query filter: PostgreSQL itself hides other tenants' rows from the
/// application role, and a pooled connection never carries the previous unit of work's tenant.
/// </summary>
public class RowLevelSecurityTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task PooledConnection_NeverCarriesThePreviousTenant()
    {
        // One physical connection in the pool, so both contexts are guaranteed to reuse it.
        var single = new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var shaoxing = await TenantIdAsync("shaoxing");

        int firstPid;
        await using (var withTenant = Context(single, shaoxing))
        {
            Assert.True(await withTenant.Counties.IgnoreQueryFilters().CountAsync() > 0);
            firstPid = await Scalar<int>(withTenant, "SELECT pg_backend_pid() AS \"Value\"");
        }

        await using var withoutTenant = Context(single, null);
        var secondPid = await Scalar<int>(withoutTenant, "SELECT pg_backend_pid() AS \"Value\"");
        var setting = await Scalar<string>(withoutTenant, "SELECT coalesce(current_setting('app.tenant_id', true), '') AS \"Value\"");

        Assert.Equal(firstPid, secondPid);
        Assert.Equal(string.Empty, setting);
        Assert.Equal(0, await withoutTenant.Counties.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task PreparedStatement_OnAPooledConnection_ReadsEachUnitOfWorksTenant()
    {
        // Issue 13: the portal's statements are prepared on their connection once used a few times. A prepared plan
        // must still read app.tenant_id when it runs: the same statement, on the same physical connection, for
        // one tenant, then the other, then none.
        var single = new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var shaoxing = await TenantIdAsync("shaoxing");
        var wenzhou = await TenantIdAsync("wenzhou");

        async Task<List<Guid>> TenantsSeenAsync(Guid? tenant)
        {
            await using var db = Context(single, tenant);
            return await db.MedicalInstitutions.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync();
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal([shaoxing], await TenantsSeenAsync(shaoxing));
        }

        await using (var db = Context(single, shaoxing))
        {
            Assert.True(await Scalar<long>(db, "SELECT count(*) AS \"Value\" FROM pg_prepared_statements") > 0, "nothing was prepared");
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal([wenzhou], await TenantsSeenAsync(wenzhou));
        }

        Assert.Empty(await TenantsSeenAsync(null));
    }

    [Fact]
    public async Task PooledContext_RentedByTheNextScope_RunsWithThatScopesTenant()
    {
        // ADR 031: the web's contexts are pooled. A scope that opened its connection for the whole unit of work (as
        // RequestConnection does) returns the context; the next scope rents the same instance for another tenant,
        // then one without a tenant. Each must see its own tenant, in the query filter and in PostgreSQL, and a
        // query made before the tenant is set (seeding, test data) must not keep the connection open.
        var shaoxing = await TenantIdAsync("shaoxing");
        var wenzhou = await TenantIdAsync("wenzhou");
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddPortalInfrastructure(app.Database.AppConnectionString).BuildServiceProvider();
        await using var _ = services;

        PortalDbContext? previous = null;
        foreach (var tenant in new Guid?[] { shaoxing, wenzhou, null, shaoxing })
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await db.Tenants.AnyAsync());
            if (tenant is { } id)
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id, "t", "t");
            }

            Assert.True(previous is null || ReferenceEquals(previous, db), "the pool gave another instance");
            previous = db;
            await db.Database.OpenConnectionAsync();
            await db.Database.OpenConnectionAsync(); // opened twice, as by a request re-executed for its error page

            var setting = await Scalar<string>(db, "SELECT coalesce(current_setting('app.tenant_id', true), '') AS \"Value\"");
            var seen = await db.MedicalInstitutions.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync();
            var filtered = await db.MedicalInstitutions.Select(m => m.TenantId).Distinct().ToListAsync();

            Assert.Equal(tenant?.ToString() ?? string.Empty, setting);
            Assert.Equal(tenant is { } t ? [t] : [], seen);
            Assert.Equal(seen, filtered);
        }
    }

    [Fact]
    public async Task QueryWithoutTenant_SeesNoTenantRows()
    {
        await using var db = Context(app.Database.AppConnectionString, null);

        Assert.Equal(0, await db.Counties.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.ElderCareInstitutions.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.MedicalInstitutions.IgnoreQueryFilters().CountAsync());
        Assert.All(await db.Users.IgnoreQueryFilters().ToListAsync(), u => Assert.Null(u.TenantId));
    }

    [Fact]
    public async Task WithoutTheEfFilter_PostgresStillHidesTheOtherTenant()
    {
        var shaoxing = await TenantIdAsync("shaoxing");
        await using var db = Context(app.Database.AppConnectionString, shaoxing);

        var tenants = await db.MedicalInstitutions.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync();
        var users = await db.Users.IgnoreQueryFilters().Select(u => u.TenantId).Distinct().ToListAsync();

        Assert.Equal([shaoxing], tenants);
        Assert.Equal([(Guid?)shaoxing], users);
    }

    [Fact]
    public async Task EfFilter_AloneHidesTheOtherTenant()
    {
        // A superuser bypasses row-level security, so only the named EF filter stands between the tenants here.
        var superuser = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = app.Database.Name };
        var wenzhou = await TenantIdAsync("wenzhou");
        await using var db = Context(superuser.ConnectionString, wenzhou);

        var names = await db.ElderCareInstitutions.Select(e => e.Name).ToListAsync();

        Assert.Contains("鹿城区颐康养老院", names);
        Assert.DoesNotContain("越城区福乐养老院", names);
    }

    [Fact]
    public async Task WritingARowForAnotherTenant_IsRefusedByPostgres()
    {
        var shaoxing = await TenantIdAsync("shaoxing");
        var wenzhou = await TenantIdAsync("wenzhou");
        await using var db = Context(app.Database.AppConnectionString, shaoxing);
        db.Counties.Add(new County(wenzhou, "330399", "伪造区", CountyKind.District));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("row-level security", error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTenantOwnedTable_HasForcedRowLevelSecurity_AndTheAppRoleOwnsNoTable()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND c.relname NOT IN ('tenants', 'data_protection_keys', '__ef_migrations_history')
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
            Assert.True(reader.GetBoolean(1), $"{reader.GetString(0)} has no row-level security");
            Assert.True(reader.GetBoolean(2), $"{reader.GetString(0)} does not FORCE row-level security");
            Assert.NotEqual(PostgresServer.AppRole, reader.GetString(3));
        }

        Assert.Contains("counties", tables);
        Assert.Contains("users", tables);
        Assert.Contains("user_claims", tables);
        Assert.Contains("service_records", tables);
        Assert.Contains("staff_members", tables);
        Assert.Contains("service_record_attachments", tables);
        Assert.Contains("fee_payments", tables);
        Assert.Contains("agreement_evaluations", tables);
        Assert.Contains("green_channel_uses", tables);
        Assert.Contains("health_checks", tables);
        Assert.Contains("training_sessions", tables);
        Assert.Contains("fulfilment_totals", tables);
        Assert.Contains("fulfilment_institution_totals", tables);
        Assert.Contains("fulfilment_county_totals", tables);
    }

    [Fact]
    public async Task FulfilmentTotals_AreReadOnlyInTheirTenant()
    {
        // The demo seed gives 绍兴市 fulfilment totals (DemoFulfilment); 温州市 and no tenant see none of them.
        var shaoxing = await TenantIdAsync("shaoxing");
        var wenzhou = await TenantIdAsync("wenzhou");

        Assert.NotEqual(0, await CountAsync(shaoxing, "fulfilment_totals"));
        foreach (var table in new[] { "fulfilment_totals", "fulfilment_institution_totals", "fulfilment_county_totals" })
        {
            Assert.Equal(0, await CountAsync(null, table, shaoxing));
            Assert.Equal(0, await CountAsync(wenzhou, table, shaoxing));
        }
    }

    private async Task<long> CountAsync(Guid? tenant, string table, Guid? of = null)
    {
        await using var db = Context(app.Database.AppConnectionString, tenant);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table} WHERE tenant_id = coalesce(@of, tenant_id)";
        command.Parameters.Add(new NpgsqlParameter("of", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)of ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid> TenantIdAsync(string slug)
    {
        await using var db = Context(app.Database.AppConnectionString, null);
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    private static PortalDbContext Context(string connectionString, Guid? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Set(id, "t", "t");
        }

        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(connectionString).Options;
        return new PortalDbContext(options).Attach(tenant, TimeProvider.System);
    }

    private static Task<T> Scalar<T>(PortalDbContext db, string sql) =>
        db.Database.SqlQueryRaw<T>(sql).SingleAsync();
}
