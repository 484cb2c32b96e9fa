using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>The portal's one database context. Configuration lives in one class per entity.</summary>
public sealed class PortalDbContext : IdentityUserContext<PortalUser, Guid>, IDataProtectionKeyContext
{
    /// <summary>Name of the global query filter that hides other tenants' rows.</summary>
    public const string TenantFilter = "Tenant";

    private ITenantContext _tenant = NoTenant.Instance;
    private TimeProvider _clock = TimeProvider.System;
    private bool _attached;

    /// <summary>Nested opens of one connection a unit of work may leave (a re-executed request opens it again).</summary>
    private const int MaxOpens = 8;

    /// <summary>
    /// Options only, so that contexts can be pooled (ADR 031): a context is told its unit of work's tenant and clock
    /// by <see cref="Attach"/> when it is rented, and forgets them when it is disposed (returned to the pool). Until
    /// then it has no tenant: its query filters and row-level security show no tenant's rows.
    /// </summary>
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : base(options)
    {
    }

    /// <summary>Binds this context to a unit of work's tenant (read per query and per connection) and clock.</summary>
    public PortalDbContext Attach(ITenantContext tenant, TimeProvider clock)
    {
        if (Database.GetDbConnection().State != System.Data.ConnectionState.Closed)
        {
            // Its tenant was set when it opened, for someone else: refuse rather than read as that tenant.
            throw new InvalidOperationException("A pooled database context was returned with its connection open.");
        }

        _tenant = tenant;
        _clock = clock;
        _attached = true;
        return this;
    }

    public override void Dispose()
    {
        if (_attached)
        {
            // A connection the unit of work opened itself (RequestConnection, seeding) is closed through EF, once per
            // open (EF counts them): left open, the next renter would run on it with this tenant's app.tenant_id and
            // no interceptor call. Closed, it goes back to Npgsql's pool, which resets it. Attach checks.
            var connection = Database.GetDbConnection();
            for (var i = 0; i < MaxOpens && connection.State != System.Data.ConnectionState.Closed; i++)
            {
                Database.CloseConnection();
            }

            Detach();
        }

        base.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_attached)
        {
            var connection = Database.GetDbConnection();
            for (var i = 0; i < MaxOpens && connection.State != System.Data.ConnectionState.Closed; i++)
            {
                await Database.CloseConnectionAsync();
            }

            Detach();
        }

        await base.DisposeAsync();
    }

    /// <summary>A pooled context must not carry one unit of work's tenant, actor or connection into the next.</summary>
    private void Detach()
    {
        _tenant = NoTenant.Instance;
        _clock = TimeProvider.System;
        _attached = false;
    }

    /// <summary>Read by the query filters (per query) and by the connection interceptor (per connection).</summary>
    public Guid? CurrentTenantId => _tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<County> Counties => Set<County>();

    public DbSet<ElderCareInstitution> ElderCareInstitutions => Set<ElderCareInstitution>();

    public DbSet<MedicalInstitution> MedicalInstitutions => Set<MedicalInstitution>();

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();

    public DbSet<FeeSchedule> FeeSchedules => Set<FeeSchedule>();

    public DbSet<ServicePrice> ServicePrices => Set<ServicePrice>();

    public DbSet<ConsultationFee> ConsultationFees => Set<ConsultationFee>();

    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Read-only for the application: written through <see cref="AuditCheckpoints.RecordAsync"/> only.</summary>
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<FilingAttachment> FilingAttachments => Set<FilingAttachment>();

    public DbSet<FilingReminder> FilingReminders => Set<FilingReminder>();

    public DbSet<AgreementDocument> AgreementDocuments => Set<AgreementDocument>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The tenant's coverage targets (issue 11 point 7).</summary>
    public DbSet<CoverageTarget> CoverageTargets => Set<CoverageTarget>();

    /// <summary>The tenant's holiday calendar (issue 11 point 9).</summary>
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    /// <summary>人员名册 of the medical institutions (issue 15).</summary>
    public DbSet<Domain.Fulfilment.StaffMember> StaffMembers => Set<Domain.Fulfilment.StaffMember>();

    public DbSet<Domain.Fulfilment.SupervisionNotice> SupervisionNotices => Set<Domain.Fulfilment.SupervisionNotice>();

    /// <summary>服务记录, partitioned by month (ADR 033).</summary>
    public DbSet<Domain.Fulfilment.ServiceRecord> ServiceRecords => Set<Domain.Fulfilment.ServiceRecord>();

    /// <summary>签到表 scans of service records, one per record (ADR 039).</summary>
    public DbSet<Domain.Fulfilment.ServiceRecordAttachment> ServiceRecordAttachments => Set<Domain.Fulfilment.ServiceRecordAttachment>();

    /// <summary>年度健康服务费 payments and their confirmation (issue 15, ADR 035).</summary>
    public DbSet<FeePayment> FeePayments => Set<FeePayment>();

    public DbSet<Seals.SealKeyRecord> SealKeys => Set<Seals.SealKeyRecord>();

    public DbSet<Seals.SealKeyRevocation> SealKeyRevocations => Set<Seals.SealKeyRevocation>();

    public DbSet<Seals.TenantSealAuthority> SealAuthorities => Set<Seals.TenantSealAuthority>();

    public DbSet<Domain.Seals.InstitutionSeal> InstitutionSeals => Set<Domain.Seals.InstitutionSeal>();

    public DbSet<Domain.Seals.SealHolder> SealHolders => Set<Domain.Seals.SealHolder>();

    public DbSet<Domain.Seals.SealUse> SealUses => Set<Domain.Seals.SealUse>();

    /// <summary>六个一 entries (ADR 036) and 年度评价 (ADR 037).</summary>
    public DbSet<Domain.Fulfilment.GreenChannelUse> GreenChannelUses => Set<Domain.Fulfilment.GreenChannelUse>();

    public DbSet<Domain.Fulfilment.TrainingSession> TrainingSessions => Set<Domain.Fulfilment.TrainingSession>();

    public DbSet<Domain.Fulfilment.HealthCheck> HealthChecks => Set<Domain.Fulfilment.HealthCheck>();

    public DbSet<Domain.Fulfilment.AgreementEvaluation> AgreementEvaluations => Set<Domain.Fulfilment.AgreementEvaluation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The change records and new accounts' creation time, both by the registered clock.</summary>
    private void BeforeSave()
    {
        var now = _clock.GetUtcNow();
        ChangeRecorder.Record(this, _tenant, now);
        foreach (var user in ChangeTracker.Entries<PortalUser>().Where(e => e.State == EntityState.Added))
        {
            user.Entity.MarkCreated(now);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Domain entities make their own ids (Guid v7). Telling EF so makes a new child found through a navigation
        // (a new price version in a schedule) an INSERT; otherwise EF takes it for an existing row and UPDATEs nothing.
        foreach (var key in builder.Model.GetEntityTypes()
                     .Where(t => t.ClrType.Namespace?.StartsWith("YiyangPortal.Domain", StringComparison.Ordinal) == true)
                     .Select(t => t.FindPrimaryKey())
                     .Where(k => k is { Properties.Count: 1 } && k.Properties[0].ClrType == typeof(Guid)))
        {
            key!.Properties[0].ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }

        foreach (var type in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
                     .Select(t => t.ClrType)
                     .ToList())
        {
            ApplyTenantFilterMethod.MakeGenericMethod(type).Invoke(this, [builder]);
        }

        builder.Entity<PortalUser>().HasQueryFilter(TenantFilter, u => u.TenantId == CurrentTenantId);
    }

    private static readonly System.Reflection.MethodInfo ApplyTenantFilterMethod =
        typeof(PortalDbContext).GetMethod(
            nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);
}
