using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// Issue 15 / ADR 033: service records land in their month's partition, made on first need by the application role,
/// stay inside their tenant (row-level security on the parent and on every partition), and two users at once get a
/// conflict, never a second copy.
/// </summary>
public class ServiceRecordStorageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Record_LandsInItsMonthsPartition_MadeByTheAppRole()
    {
        var (parties, agreement, staff) = await InForceAsync();
        var day = agreement.ServiceDays()!.Value.From;

        var outcome = await RecordAsync(parties, agreement, staff, day);

        Assert.True(outcome.Saved);
        Assert.Equal(ServiceRecordPartitions.PartitionName(day), await SuperuserScalarAsync<string>(
            $"SELECT tableoid::regclass::text FROM service_records WHERE id = '{outcome.Record!.Id}'"));
        Assert.True(await SuperuserScalarAsync<bool>(
            $"SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = '{ServiceRecordPartitions.PartitionName(day)}'"));
    }

    [Fact]
    public async Task AnotherTenant_SeesNoRecord_EvenWithoutTheEfFilter()
    {
        var (parties, agreement, staff) = await InForceAsync();
        var saved = (await RecordAsync(parties, agreement, staff, agreement.ServiceDays()!.Value.From)).Record!;

        var seenFromWenzhou = await TestData.InTenantAsync(app, "wenzhou", db =>
            db.ServiceRecords.IgnoreQueryFilters().CountAsync(r => r.Id == saved.Id));
        var rosterFromWenzhou = await TestData.InTenantAsync(app, "wenzhou", db =>
            db.StaffMembers.IgnoreQueryFilters().CountAsync(s => s.Id == staff.Id));
        var seenAtHome = await TestData.InTenantAsync(app, parties.Tenant, db => db.ServiceRecords.CountAsync(r => r.Id == saved.Id));

        Assert.Equal((0, 0, 1), (seenFromWenzhou, rosterFromWenzhou, seenAtHome));
    }

    [Fact]
    public async Task AppRole_CannotReadAPartitionDirectly()
    {
        var (parties, agreement, staff) = await InForceAsync();
        var day = agreement.ServiceDays()!.Value.From;
        await RecordAsync(parties, agreement, staff, day);

        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {ServiceRecordPartitions.PartitionName(day)}", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task SameDeliveryTwice_IsRefusedByTheDomain_AndByTheIndexWhenTheyRace()
    {
        var (parties, agreement, staff) = await InForceAsync();
        var day = agreement.ServiceDays()!.Value.From;
        Assert.True((await RecordAsync(parties, agreement, staff, day)).Saved);

        var again = await RecordAsync(parties, agreement, staff, day);
        Assert.Equal(nameof(ServiceDelivery.ServiceDate), Assert.Single(again.Problems).Field);

        // A second user who checked before the first saved: only the unique index stands in the way.
        var raced = await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await LoadAsync(db, agreement.Id);
            var copy = ServiceRecord.Record(AgreedItems.Of(loaded), Delivery(loaded, staff, day), staff, Clinic(parties), []);
            db.ServiceRecords.Add(copy);
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(PostgresErrorCodes.UniqueViolation, (raced.InnerException as PostgresException)?.SqlState);
    }

    [Fact]
    public async Task TwoAnswersAtOnce_TheSecondGetsAConflict()
    {
        var (parties, agreement, staff) = await InForceAsync();
        var record = (await RecordAsync(parties, agreement, staff, agreement.ServiceDays()!.Value.From)).Record!;

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var (db1, db2) = (await ScopeAsync(first, parties), await ScopeAsync(second, parties));
        var (a1, a2) = (await LoadAsync(db1, agreement.Id), await LoadAsync(db2, agreement.Id));
        var loadedBySecond = await db2.ServiceRecords.SingleAsync(r => r.Id == record.Id);

        var confirmed = await first.ServiceProvider.GetRequiredService<FulfilmentWorkflow>().AnswerAsync(a1, record.Id, Home(parties), null, default);
        loadedBySecond.Dispute(a2, Home(parties), "人数不对");
        var late = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        Assert.True(confirmed.Saved);
        Assert.NotNull(late);
        var stored = await TestData.InTenantAsync(app, parties.Tenant, db => db.ServiceRecords.AsNoTracking().SingleAsync(r => r.Id == record.Id));
        Assert.Equal(ServiceRecordStatus.Confirmed, stored.Status);
    }

    private async Task<(TestParties Parties, Agreement Agreement, StaffMember Staff)> InForceAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var staff = new StaffMember(parties.TenantId, parties.ClinicId, "周医生", ProfessionalTitle.AssociateSenior);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(staff);
            return await db.SaveChangesAsync();
        });
        return (parties, agreement, staff);
    }

    private async Task<FulfilmentOutcome> RecordAsync(TestParties parties, Agreement agreementAsBuilt, StaffMember staff, DateOnly day)
    {
        var agreementId = agreementAsBuilt.Id;
        await using var scope = app.Services.CreateAsyncScope();
        var db = await ScopeAsync(scope, parties);
        var agreement = await LoadAsync(db, agreementId);
        return await scope.ServiceProvider.GetRequiredService<FulfilmentWorkflow>()
            .RecordAsync(agreement, Delivery(agreement, staff, day), Clinic(parties), null, default);
    }

    private static Task<PortalDbContext> ScopeAsync(AsyncServiceScope scope, TestParties parties)
    {
        scope.ServiceProvider.GetRequiredService<Infrastructure.Tenancy.TenantContext>().Set(parties.TenantId, parties.Tenant, parties.Tenant);
        return Task.FromResult(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static Task<Agreement> LoadAsync(PortalDbContext db, Guid id) =>
        db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory).SingleAsync(a => a.Id == id);

    private static ServiceDelivery Delivery(Agreement agreement, StaffMember staff, DateOnly day) =>
        new(agreement.IncludedItems.First(i => i.Frequency > 0).Id, day, staff.Id, 15, 90, "常规服务");

    private static AgreementActor Clinic(TestParties parties) => AgreementActor.Medical(parties.ClinicUserId, DateTimeOffset.UtcNow);

    private static AgreementActor Home(TestParties parties) => AgreementActor.ElderCare(parties.StaffUserId, DateTimeOffset.UtcNow);

    /// <summary>As a superuser: row-level security is FORCEd on the owner too.</summary>
    private async Task<T> SuperuserScalarAsync<T>(string sql)
    {
        var superuser = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = app.Database.Name };
        await using var connection = new NpgsqlConnection(superuser.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
