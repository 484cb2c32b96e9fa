using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 9 on a real database: the tenant's holiday calendar is seeded with the national holidays and moves
/// filing due dates that fall inside them (民法典 第二百零三条); the tenant administrator edits it.
/// </summary>
public class HolidayCalendarTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task FilingDueInsideTheNationalDayHoliday_IsDueTheDayAfterIt()
    {
        var parties = await TestParties.CreateAsync(app);
        // Signed 2026-09-05 in Beijing: one month ends 2026-10-05, inside 国庆节 (10月1日至7日).
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: new DateTimeOffset(2026, 9, 5, 2, 0, 0, TimeSpan.Zero)));

        var dueDates = await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.Filings.Where(f => f.AgreementId == agreement.Id).Select(f => f.DueDate).ToListAsync());

        Assert.NotEmpty(dueDates);
        Assert.All(dueDates, d => Assert.Equal(new DateOnly(2026, 10, 8), d));
    }

    [Fact]
    public async Task Admin_AddsAndDeletesADay_AndBadInputIsAnsweredBesideTheField()
    {
        var admin = PortalClient.For(app);
        await admin.LoginAsync("/wenzhou", "admin@wenzhou.demo");

        var page = await (await admin.GetAsync("/wenzhou/admin/holidays?year=2026")).Content.ReadAsStringAsync();
        var refused = await admin.SubmitAsync("/wenzhou/admin/holidays", "/wenzhou/admin/holidays", new Dictionary<string, string>
        {
            ["Date"] = "2026-10-01",
            ["Kind"] = "Holiday",
            ["Name"] = "国庆节（重复）",
        });
        var added = await admin.SubmitAsync("/wenzhou/admin/holidays", "/wenzhou/admin/holidays", new Dictionary<string, string>
        {
            ["Date"] = "2026-12-31",
            ["Kind"] = "Holiday",
            ["Name"] = "本市特别休假",
        });
        var day = await TestData.InTenantAsync(app, "wenzhou", db => db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 12, 31)));
        var deleted = await admin.SubmitAsync("/wenzhou/admin/holidays?year=2026", $"/wenzhou/admin/holidays/{day.Id}/delete", new Dictionary<string, string>());
        var gone = await TestData.InTenantAsync(app, "wenzhou", db => db.CalendarDays.AnyAsync(d => d.Id == day.Id));

        Assert.Contains("国庆节", page, StringComparison.Ordinal);
        Assert.Contains("调休上班", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field-error=\"Date\">该日期已在日历中，请先删除原记录。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"国庆节（重复）\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal((CalendarDayKind.Holiday, "本市特别休假"), (day.Kind, day.Name));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(gone);
    }
}
