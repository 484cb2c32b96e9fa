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
