using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.TestSupport;

/// <summary>
/// The portal on its own fresh database, connected as the non-owner application role exactly like production. One
/// instance per test class. The database is a clone of the template seeded once per run with the demo city by the
/// real seeding entry point (<see cref="DemoSeeder"/>): tests read the demo accounts and institutions, and make the
/// data they assert on themselves (<see cref="TestData"/>), never counting what the demo seed holds.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "demo-password-for-tests";

    /// <summary>The audit key of every test host (a test value: 32 bytes of 't', base64).</summary>
    public const string AuditKeyId = "test1";
    public static readonly string AuditKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(new string('t', 32)));

    /// <summary>The seal keys' encryption key of every test host (a test value: 32 bytes of 's', base64).</summary>
    public static readonly string SealKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(new string('s', 32)));

    private readonly bool _ownsDatabase = true;
    private TestDatabase? _database;

    public PortalAppFactory()
    {
    }

    /// <summary>A host over a database that someone else made and drops (the seeded template while it is built).</summary>
    private PortalAppFactory(TestDatabase existing)
    {
        _database = existing;
        _ownsDatabase = false;
    }

    /// <summary>Serve on a real Kestrel port (for the browser tests); call before anything else.</summary>
    public bool UseRealServer { get; init; }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The root URL of the real server (only when <see cref="UseRealServer"/>).</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("No server addresses: UseRealServer was not set.");
            return new Uri(addresses.Addresses.First());
        }
    }

    /// <summary>
    /// Seed this host's own database with its own configuration (e.g. another seal algorithm) instead of cloning the
    /// shared seeded template; costs a full demo seed (about 30 s).
    /// </summary>
    protected virtual bool SeedsItsOwnDatabase => false;

    public async Task InitializeAsync()
    {
        if (SeedsItsOwnDatabase)
        {
            _database = await PostgresServer.CreateDatabaseAsync();
            await Services.GetRequiredService<DemoSeeder>().SeedAsync(DemoPassword, CancellationToken.None);
            return;
        }

        _database = await PostgresServer.CreateDatabaseAsync(SeedTemplateAsync);
        if (UseRealServer)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            StartServer();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await PostgresServer.DropDatabaseAsync(_database.Name);
        }
    }

    /// <summary>What <c>seed</c> does, on the database that becomes the seeded template.</summary>
    private static async Task SeedTemplateAsync(TestDatabase database)
    {
        await using var host = new PortalAppFactory(database);
        await host.Services.GetRequiredService<DemoSeeder>().SeedAsync(DemoPassword, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", Database.AppConnectionString);
        builder.UseSetting("Portal:LogFile", string.Empty);
        builder.UseSetting("Portal:SecureCookies", "false");
        builder.UseSetting("Portal:Sweep:Enabled", "false"); // tests run FilingSweep themselves
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Portal:Sweep:Enabled", "false"); // tests run the daily sweep explicitly
        builder.UseSetting("Portal:Mail:DropFolder", Path.Combine(Path.GetTempPath(), "yiyang-test-mail"));
        builder.UseSetting($"Portal:Audit:Keys:{AuditKeyId}", AuditKey);
        builder.UseSetting("Portal:Seals:KeyEncryptionKey", SealKey);

        // Tests sign in and look up far more often than a person: limits are tested with their own (RateLimitTests).
        builder.UseSetting("Portal:RateLimits:Enabled", "false");

        // The in-memory test server has no client address; a real one always has (signatures record it).
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackClientAddress>());
    }

    private sealed class LoopbackClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
