using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 13, the request path: a database-backed page opens one connection (the tenant set once on it) and makes at
/// most four round trips — the tenant, the session check when due, the page's queries.
/// </summary>
public class RequestPathTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task TheStaffsAgreementList_OpensOneConnection_AndMakesAtMostFourRoundTrips()
    {
        var counter = new RoundTrips();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(counter, counter.Commands))));
        var staff = new PortalClient(counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await staff.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await staff.GetAsync("/shaoxing/agreements")).StatusCode); // warm

        counter.Reset();
        var page = await staff.GetAsync("/shaoxing/agreements");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, counter.Opens);
        Assert.True(counter.Opens + counter.Commands.Count <= 4, $"{counter.Opens} opens (each sets the tenant) + {counter.Commands.Count} commands");
    }

    private sealed class RoundTrips : DbConnectionInterceptor
    {
        private int _opens;

        public int Opens => _opens;

        public CommandCounter Commands { get; } = new();

        public void Reset()
        {
            _opens = 0;
            Commands.Reset();
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opens);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opens);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}
