using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.IntegrationTests.Hardening;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fees;

/// <summary>The portal on a clock the test moves (sessions kept long enough to outlive the move).</summary>
public sealed class WindowAppFactory : PortalAppFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Issue 15 确认时限 (ADR 035) on a fake clock: a record still 待确认 after the tenant's window is flagged 逾期未确认 on
/// the fulfilment page and counted in the home's to-do, never accepted; the tenant admin sets the window (1–90 days).
/// </summary>
public class ConfirmationWindowPagesTests(WindowAppFactory app) : IClassFixture<WindowAppFactory>
{
    [Fact]
    public async Task APendingRecord_PastTheWindow_IsFlaggedAndCounted_UntilTheWindowIsLonger()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var doctor = new StaffMember(parties.TenantId, parties.ClinicId, "吴医生", Domain.Fees.ProfessionalTitle.Intermediate);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(doctor);
            return await db.SaveChangesAsync();
        });
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = agreement.ServiceDays()!.Value.From;
        var page = $"/shaoxing/agreements/{agreement.Id}/fulfilment";
        var recorded = await clinic.SubmitAsync(page, $"{page}/records", new Dictionary<string, string>
        {
            ["AgreementItemId"] = agreement.IncludedItems.First(i => i.Clause is null && i.Frequency > 0).Id.ToString(),
            ["ServiceDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["StaffMemberId"] = doctor.Id.ToString(),
            ["ResidentsServed"] = "18",
            ["DurationMinutes"] = "90",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var month = $"{page}?month={day:yyyy-MM}";
        Assert.DoesNotContain("data-testid=\"overdue-records\"", await (await home.GetAsync(month)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TodoCountAsync(home));

        try
        {
            app.Clock.Offset = TimeSpan.FromDays(16);
            home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
            var late = await (await home.GetAsync(month)).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"overdue-records\" data-count=\"1\"", late, StringComparison.Ordinal);
            Assert.Contains("data-overdue=\"true\"", late, StringComparison.Ordinal);
            Assert.Equal(1, await TodoCountAsync(home));
            var record = await TestData.InTenantAsync(app, parties.Tenant, db => db.ServiceRecords.AsNoTracking().SingleAsync(r => r.AgreementId == agreement.Id));
            Assert.Equal(ServiceRecordStatus.Pending, record.Status); // flagged, never accepted

            var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
            var saved = await admin.SubmitAsync("/shaoxing/admin/settings", "/shaoxing/admin/settings", new Dictionary<string, string>
            {
                ["terminationNoticeDays"] = "30",
                ["serviceConfirmationDays"] = "30",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.DoesNotContain("data-testid=\"overdue-records\"", await (await home.GetAsync(month)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await TodoCountAsync(home));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
            await TestData.InTenantAsync(app, parties.Tenant, async db =>
            {
                (await db.Tenants.SingleAsync(t => t.Slug == parties.Tenant)).SetServiceConfirmationDays(ConfirmationWindow.DefaultDays);
                return await db.SaveChangesAsync();
            });
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("十五")]
    public async Task TheWindow_OutsideOneToNinety_IsRefusedNextToItsField_WithWhatWasTyped(string typed)
    {
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        Assert.Contains("name=\"serviceConfirmationDays\" value=\"15\"", await (await admin.GetAsync("/shaoxing/admin/settings")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await admin.SubmitAsync("/shaoxing/admin/settings", "/shaoxing/admin/settings", new Dictionary<string, string>
        {
            ["terminationNoticeDays"] = "30",
            ["serviceConfirmationDays"] = typed,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"ServiceConfirmationDays\"", body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", body, StringComparison.Ordinal);
        Assert.Equal(15, await TestData.InTenantAsync(app, "shaoxing", db => db.Tenants.Where(t => t.Slug == "shaoxing").Select(t => t.ServiceConfirmationDays).SingleAsync()));
    }

    private static async Task<int> TodoCountAsync(PortalClient home)
    {
        var html = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"todo-recordsoverdue\" data-count=\"(\\d+)\"");
        Assert.True(match.Success, "no 逾期未确认 line in the to-do");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
