using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// Issue 15's monthly reminders: both parties hear once a month what this month's plan asks and what a period that
/// ended last month missed on confirmed deliveries; a second run sends nothing; a delivered plan sends no "missed".
/// </summary>
public class FulfilmentSweepTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task BothParties_AreRemindedOnceAMonth_OfWhatIsDue_AndOfWhatWasMissed()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-75)));
        var now = DateTimeOffset.UtcNow;
        var today = BeijingTime.Today(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var plan = ServicePlan.Of(agreement);
        Assert.Contains(plan, l => l.Period.Kind == PeriodKind.Month && l.Period.Start == thisMonth && l.AgreedCount > 0);
        var sweep = app.Services.GetRequiredService<FulfilmentSweep>();
        await app.Services.GetRequiredService<AgreementSweepService>().RunOnceAsync(now, CancellationToken.None); // stores the plan (ADR 034)

        await sweep.RunAsync(now, CancellationToken.None);
        await sweep.RunAsync(now, CancellationToken.None);

        var sent = await RemindersAsync(parties, agreement);
        var due = sent.Where(n => n.Kind == NotificationKind.FulfilmentDue).ToList();
        var missed = sent.Where(n => n.Kind == NotificationKind.FulfilmentMissed).ToList();
        Assert.Equal(new[] { parties.ClinicUserId, parties.StaffUserId }.Order(), due.Select(n => n.UserId).Order());
        Assert.Equal(new[] { parties.ClinicUserId, parties.StaffUserId }.Order(), missed.Select(n => n.UserId).Order());
        Assert.All(due, n => Assert.Equal(FulfilmentSweep.LinkFor(agreement.Id, thisMonth), n.Link));
        Assert.All(due, n => Assert.Contains($"本月（{thisMonth:yyyy年M月}）应完成", n.Title, StringComparison.Ordinal));
        Assert.All(missed, n => Assert.Equal(FulfilmentSweep.LinkFor(agreement.Id, thisMonth.AddMonths(-1)), n.Link));
        Assert.All(missed, n => Assert.Contains("已确认 0", n.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMonthDeliveredAndConfirmed_SendsNoMissedReminder()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-75)));
        var today = BeijingTime.Today(DateTimeOffset.UtcNow);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var ended = ServicePlan.Of(agreement).Where(l => l.Period.End >= lastMonth && l.Period.End < lastMonth.AddMonths(1) && l.AgreedCount > 0).ToList();
        Assert.NotEmpty(ended);
        await DeliverAndConfirmAsync(parties, agreement, ended);
        await app.Services.GetRequiredService<AgreementSweepService>().RunOnceAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        await app.Services.GetRequiredService<FulfilmentSweep>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var sent = await RemindersAsync(parties, agreement);
        Assert.DoesNotContain(sent, n => n.Kind == NotificationKind.FulfilmentMissed);
        Assert.Contains(sent, n => n.Kind == NotificationKind.FulfilmentDue);
    }

    // Each line's agreed count of confirmed deliveries by doctors of 中级 and above, one a day from the period's start.
    private async Task DeliverAndConfirmAsync(TestParties parties, Agreement agreement, IReadOnlyList<PlanLine> lines)
    {
        var staff = new List<StaffMember> { new(parties.TenantId, parties.ClinicId, "周医生", ProfessionalTitle.Senior) };
        var home = new AgreementActor(AgreementParty.ElderCare, parties.StaffUserId, DateTimeOffset.UtcNow);
        var clinic = new AgreementActor(AgreementParty.Medical, parties.ClinicUserId, DateTimeOffset.UtcNow);
        var first = agreement.ServiceDays()!.Value.From;
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.AddRange(staff);
            await db.SaveChangesAsync();
            var existing = new List<ServiceRecord>();
            foreach (var line in lines)
            {
                for (var i = 0; i < line.AgreedCount; i++)
                {
                    var day = (line.Period.Start < first ? first : line.Period.Start).AddDays(i);
                    var delivery = new ServiceDelivery(line.AgreementItemId, day, staff[0].Id, line.Measure == PlanMeasure.ResidentsServed ? line.AgreedCount : 5, 60, null);
                    var record = ServiceRecord.Record(AgreedItems.Of(agreement), delivery, staff[0], clinic, existing);
                    record.Confirm(agreement, home);
                    existing.Add(record);
                }
            }

            await Infrastructure.Fulfilment.ServiceRecordPartitions.EnsureAsync(db, existing.Select(r => r.ServiceDate).Distinct().ToList(), CancellationToken.None);
            db.ServiceRecords.AddRange(existing);
            return await db.SaveChangesAsync();
        });
    }

    private Task<List<Notification>> RemindersAsync(TestParties parties, Agreement agreement) =>
        TestData.InTenantAsync(app, parties.Tenant, db => db.Notifications.AsNoTracking()
            .Where(n => (n.Kind == NotificationKind.FulfilmentDue || n.Kind == NotificationKind.FulfilmentMissed) && n.Link.Contains(agreement.Id.ToString()))
            .ToListAsync());
}
