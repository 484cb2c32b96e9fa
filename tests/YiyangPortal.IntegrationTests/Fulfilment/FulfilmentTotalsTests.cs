using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// ADR 034: the stored plan lines carry <see cref="ServicePlan.Of"/>'s agreed counts, and after every step (record,
/// confirm, dispute, correct) the trigger-kept counts equal a recount by the domain (<see cref="FulfilmentSummary"/>),
/// and the month totals equal the sums of the lines.
/// </summary>
public class FulfilmentTotalsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task PlanLines_AreTheDomainsPlan_WhenTheAgreementComesIntoForce()
    {
        var (parties, agreement, _) = await FulfilmentFixture.InForceAsync(app);

        var stored = await FulfilmentFixture.LinesAsync(app, parties, agreement.Id);
        var plan = ServicePlan.Of(agreement);

        Assert.NotEmpty(plan);
        Assert.Equal(
            plan.Select(l => (l.AgreementItemId, l.Period.Start, l.Period.End, l.AgreedCount)).OrderBy(x => x.AgreementItemId).ThenBy(x => x.Start),
            stored.Select(l => (l.AgreementItemId, l.PeriodStart, l.PeriodEnd, l.Agreed)).OrderBy(x => x.AgreementItemId).ThenBy(x => x.PeriodStart));
        Assert.All(stored, l => Assert.Equal((0, 0, 0), (l.Confirmed, l.Pending, l.Disputed)));
    }

    [Fact]
    public async Task RecordConfirmDisputeCorrect_KeepTheTotalsEqualToARecount()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var month = FulfilmentFixture.FirstFullMonth(agreement);

        var records = new List<ServiceRecord>();
        for (var day = 0; day < 3; day++)
        {
            records.Add(await FulfilmentFixture.RecordAsync(app, parties, agreement, item, doctor, month.AddDays(day)));
        }

        await AssertTotalsEqualRecountAsync(parties, agreement);
        await FulfilmentFixture.AnswerAsync(app, parties, agreement, records[0].Id, null);
        await AssertTotalsEqualRecountAsync(parties, agreement);
        await FulfilmentFixture.AnswerAsync(app, parties, agreement, records[1].Id, "当天未见医生");
        await AssertTotalsEqualRecountAsync(parties, agreement);

        var correction = await FulfilmentFixture.RecordAsync(app, parties, agreement, item, doctor, month.AddDays(1), correcting: records[1].Id);
        await AssertTotalsEqualRecountAsync(parties, agreement);
        await FulfilmentFixture.AnswerAsync(app, parties, agreement, correction.Id, null);
        await AssertTotalsEqualRecountAsync(parties, agreement);

        var line = (await FulfilmentFixture.LinesAsync(app, parties, agreement.Id)).Single(l => l.AgreementItemId == item.Id && l.PeriodStart == month);
        Assert.Equal((2, 1, 0), (line.Confirmed, line.Pending, line.Disputed));
    }

    [Fact]
    public async Task ALineShortTwoPeriodsRunning_IsMarked_AndCleared_WhenTheEarlierPeriodIsMet()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var first = FulfilmentFixture.FirstFullMonth(agreement);
        var second = first.AddMonths(1);
        var lines = await FulfilmentFixture.LinesAsync(app, parties, agreement.Id);
        Assert.True(lines.Single(l => l.AgreementItemId == item.Id && l.PeriodStart == second).PreviousShort);

        for (var day = 0; day < item.Frequency; day++)
        {
            var record = await FulfilmentFixture.RecordAsync(app, parties, agreement, item, doctor, first.AddDays(day));
            await FulfilmentFixture.AnswerAsync(app, parties, agreement, record.Id, null);
        }

        lines = await FulfilmentFixture.LinesAsync(app, parties, agreement.Id);
        Assert.False(lines.Single(l => l.AgreementItemId == item.Id && l.PeriodStart == second).PreviousShort);
        await AssertTotalsEqualRecountAsync(parties, agreement);
    }

    private async Task AssertTotalsEqualRecountAsync(TestParties parties, Agreement agreement)
    {
        var records = await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreement.Id).ToListAsync());
        var recount = FulfilmentSummary.Of(ServicePlan.Of(agreement), records)
            .Select(l => (l.Plan.AgreementItemId, l.Plan.Period.Start, l.Plan.AgreedCount, l.Confirmed, l.Pending, l.Disputed))
            .OrderBy(x => x.AgreementItemId).ThenBy(x => x.Start).ToList();
        var lines = await FulfilmentFixture.LinesAsync(app, parties, agreement.Id);
        var stored = lines
            .Select(l => (l.AgreementItemId, l.PeriodStart, l.Agreed, l.Confirmed, l.Pending, l.Disputed))
            .OrderBy(x => x.AgreementItemId).ThenBy(x => x.PeriodStart).ToList();
        Assert.Equal(recount, stored);

        // The month totals are the lines' sums, for each side's institution, by the month the period ends in.
        var months = await TestData.InTenantAsync(app, parties.Tenant, db => db.Database.SqlQueryRaw<MonthRow>("""
            SELECT side, month, agreed, delivered, pending, disputed
            FROM fulfilment_institution_totals WHERE institution_id IN ({0}, {1}) AND lines <> 0
            """, parties.HomeId, parties.ClinicId).ToListAsync());
        var expected = lines.GroupBy(l => new DateOnly(l.PeriodEnd.Year, l.PeriodEnd.Month, 1)).Select(g => (
                Month: g.Key, Agreed: g.Sum(l => (long)l.Agreed), Delivered: g.Sum(l => (long)FulfilmentRate.Counted(l.Confirmed, l.Agreed)),
                Pending: g.Sum(l => (long)l.Pending), Disputed: g.Sum(l => (long)l.Disputed)))
            .OrderBy(x => x.Month).ToList();
        foreach (var side in new[] { "ElderCare", "Medical" })
        {
            Assert.Equal(expected, months.Where(m => m.Side == side).OrderBy(m => m.Month)
                .Select(m => (m.Month, m.Agreed, m.Delivered, m.Pending, m.Disputed)).ToList());
        }
    }

    private sealed record MonthRow(string Side, DateOnly Month, long Agreed, long Delivered, long Pending, long Disputed);
}

/// <summary>A stored plan line as the tests read it.</summary>
public sealed record StoredLine(
    Guid AgreementItemId, DateOnly PeriodStart, DateOnly PeriodEnd, int Agreed, int Confirmed, int Pending, int Disputed, bool PreviousShort);

/// <summary>Agreements in force with monthly items, and fulfilment steps through <see cref="FulfilmentWorkflow"/>.</summary>
public static class FulfilmentFixture
{
    public static async Task<(TestParties Parties, Agreement Agreement, StaffMember Doctor)> InForceAsync(PortalAppFactory app, TestParties? parties = null)
    {
        parties ??= await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-100)));
        var doctor = new StaffMember(parties.TenantId, parties.ClinicId, "吴医生", ProfessionalTitle.Intermediate);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(doctor);
            return await db.SaveChangesAsync();
        });
        return (parties, agreement, doctor);
    }

    /// <summary>An item counted per month (年 and 季 lines end later).</summary>
    public static AgreementItem MonthlyItem(Agreement agreement) =>
        agreement.IncludedItems.First(i => i.Frequency > 0 && ServicePeriod.KindFor(i.Unit) == PeriodKind.Month);

    /// <summary>The first calendar month wholly inside the term.</summary>
    public static DateOnly FirstFullMonth(Agreement agreement)
    {
        var from = agreement.ServiceDays()!.Value.From;
        return from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
    }

    public static Task<List<StoredLine>> LinesAsync(PortalAppFactory app, TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db => db.Database.SqlQueryRaw<StoredLine>("""
            SELECT agreement_item_id, period_start, period_end, agreed,
                confirmed, pending, disputed, previous_short
            FROM fulfilment_totals WHERE agreement_id = {0}
            """, agreementId).ToListAsync());

    public static Task<ServiceRecord> RecordAsync(
        PortalAppFactory app, TestParties parties, Agreement agreement, AgreementItem item, StaffMember staff, DateOnly day, Guid? correcting = null) =>
        TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await LoadAsync(db, agreement.Id);
            var outcome = await new FulfilmentWorkflow(db).RecordAsync(
                loaded, new ServiceDelivery(item.Id, day, staff.Id, 10, 60, null),
                AgreementActor.Medical(parties.ClinicUserId, DateTimeOffset.UtcNow), correcting, CancellationToken.None);
            Assert.True(outcome.Saved, string.Join("; ", outcome.Problems.Select(p => p.Text.ToString())));
            return outcome.Record!;
        });

    public static Task<ServiceRecord> AnswerAsync(PortalAppFactory app, TestParties parties, Agreement agreement, Guid recordId, string? dispute) =>
        TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await LoadAsync(db, agreement.Id);
            var outcome = await new FulfilmentWorkflow(db).AnswerAsync(
                loaded, recordId, AgreementActor.ElderCare(parties.StaffUserId, DateTimeOffset.UtcNow), dispute, CancellationToken.None);
            Assert.True(outcome.Saved, string.Join("; ", outcome.Problems.Select(p => p.Text.ToString())));
            return outcome.Record!;
        });

    private static Task<Agreement> LoadAsync(PortalDbContext db, Guid id) =>
        db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory).SingleAsync(a => a.Id == id);
}
