using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// The clock of a seeding scope. Demo agreements happen in the past (signed 5, 40, 60 days ago…), so each step is
/// taken at its own instant: the builder moves this clock, and the workflows of the scope read it like any
/// <see cref="TimeProvider"/>. It never runs ahead of <see cref="Latest"/>, the real now read once at the start.
/// </summary>
public sealed class SeedClock(DateTimeOffset latest) : TimeProvider
{
    private DateTimeOffset _at = latest;

    /// <summary>The real now when seeding began: no step is dated later.</summary>
    public DateTimeOffset Latest { get; } = latest;

    public override DateTimeOffset GetUtcNow() => _at;

    /// <summary>Moves the clock to <paramref name="at"/>, or to <see cref="Latest"/> when that is in the future.</summary>
    public DateTimeOffset MoveTo(DateTimeOffset at) => _at = at < Latest ? at : Latest;
}

/// <summary>
/// One tenant's unit of seeding work: a DI scope with the tenant set (so row-level security checks every row), and
/// the real agreement and filing workflows of that scope running on a <see cref="SeedClock"/>. Demo data sends no
/// e-mail: its notifications stay in the in-app inbox.
/// </summary>
public sealed class SeedingScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private SeedingScope(AsyncServiceScope scope, SeedClock clock)
    {
        _scope = scope;
        Clock = clock;
        var services = scope.ServiceProvider;
        Db = services.GetRequiredService<PortalDbContext>();
        var notifier = ActivatorUtilities.CreateInstance<AgreementNotifier>(services, clock, DiscardedMail.Instance);
        Agreements = ActivatorUtilities.CreateInstance<AgreementWorkflow>(services, clock, notifier);
        Filings = ActivatorUtilities.CreateInstance<FilingWorkflow>(services, clock);
        Sweep = ActivatorUtilities.CreateInstance<AgreementSweep>(services, Agreements);
        Builder = new AgreementBuilder(this);
    }

    public PortalDbContext Db { get; }

    public SeedClock Clock { get; }

    public AgreementWorkflow Agreements { get; }

    public FilingWorkflow Filings { get; }

    public AgreementSweep Sweep { get; }

    public AgreementBuilder Builder { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>A scope for the tenant <paramref name="slug"/>; the clock starts at the real now.</summary>
    public static async Task<SeedingScope> OpenAsync(IServiceScopeFactory scopes, string slug, CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tenant = await services.GetRequiredService<PortalDbContext>().Tenants.AsNoTracking()
            .SingleAsync(t => t.Slug == slug, cancellationToken);
        services.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);

        // One connection for the whole scope, told its tenant once: seeding is thousands of small statements.
        await services.GetRequiredService<PortalDbContext>().Database.OpenConnectionAsync(cancellationToken);
        return new SeedingScope(scope, new SeedClock(services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    private sealed class DiscardedMail : IMailSender
    {
        public static readonly DiscardedMail Instance = new();

        public Task SendAsync(IReadOnlyList<MailMessageDraft> messages, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
