using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>The daily sweep: reminders 7 days before and on the due date, escalation when overdue, once each.</summary>
public class FilingSweepTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Sweep_RemindsAndEscalates_OncePerFilingAndKind()
    {
        // Signed 2026-01-31 10:00 Beijing → due 2026-02-28; the week-before reminder is due from 2026-02-21.
        var signed = new DateTimeOffset(2026, 1, 31, 2, 0, 0, TimeSpan.Zero);
        var home = await TestData.ElderCareIdAsync(app, DemoData.ShowcaseHome);
        var tashan = await TestData.MedicalIdAsync(app, "塔山街道社区卫生服务中心");
        await TestData.AgreementAsync(app, TestData.Effective(home, tashan, signed) with { DocumentNumber = "SX-S-0001" });
        var sweep = app.Services.GetRequiredService<FilingSweep>();

        await sweep.RunAsync(At(2026, 2, 21), CancellationToken.None);
        await sweep.RunAsync(At(2026, 2, 21), CancellationToken.None);
        Assert.Equal(4, await CountAsync(NotificationKind.FilingDue, "须于 2026年2月28日 前")); // 2 filings × 2 party users
        // Each bureau by its registered name (ADR 049), one filing each, to both parties' users.
        Assert.Equal(2, await CountAsync(NotificationKind.FilingDue, "前向越城区民政局报送备案"));
        Assert.Equal(2, await CountAsync(NotificationKind.FilingDue, "前向越城区卫生健康局报送备案"));
        await sweep.RunAsync(At(2026, 2, 28), CancellationToken.None);
        Assert.Equal(4, await CountAsync(NotificationKind.FilingDue, "截止日"));
        await sweep.RunAsync(At(2026, 3, 1), CancellationToken.None);
        await sweep.RunAsync(At(2026, 3, 2), CancellationToken.None);

        // 越城区 has one 民政 and one 卫健 county regulator: each hears once about its own bureau's filing.
        Assert.Equal(2, await CountAsync(NotificationKind.FilingOverdue, "SX-S-0001"));
        var links = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Notifications
            .Where(n => n.Kind == NotificationKind.FilingOverdue && n.Title.Contains("SX-S-0001")).Select(n => n.Link).ToListAsync());
        Assert.All(links, link => Assert.Matches("^/filings/[0-9a-f-]{36}$", link)); // the page the regulator reviews on
    }

    [Fact]
    public async Task Sweep_WhileAnotherInstanceHoldsTheLock_DoesNothing()
    {
        await using var other = new NpgsqlConnection(app.Database.AppConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({FilingSweep.LockKey})", other))
        {
            await take.ExecuteScalarAsync();
        }

        var result = await app.Services.GetRequiredService<FilingSweep>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Null(result);
    }

    private static DateTimeOffset At(int year, int month, int day) => BeijingTime.StartOfDayUtc(new DateOnly(year, month, day)).AddHours(9);

    private Task<int> CountAsync(NotificationKind kind, string titlePart) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Notifications.CountAsync(n => n.Kind == kind && n.Title.Contains(titlePart) && n.Title.Contains("SX-S-0001")));
}
