using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using YiyangPortal.Infrastructure.Seeding;

namespace YiyangPortal.TestSupport;

/// <summary>
/// The portal on its own fresh database (cloned from the migrated template, seeded with the demo data), connected
/// as the non-owner application role exactly like production. One instance per test class.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "demo-password-for-tests";

    /// <summary>The audit key of every test host (a test value: 32 bytes of 't', base64).</summary>
    public const string AuditKeyId = "test1";
    public static readonly string AuditKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(new string('t', 32)));

    private TestDatabase? _database;

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

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        if (UseRealServer)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            StartServer();
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoPassword, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<YiyangPortal.Web.Features.Agreements.DemoAgreements>().SeedAsync(CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database.Name);
        }
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
