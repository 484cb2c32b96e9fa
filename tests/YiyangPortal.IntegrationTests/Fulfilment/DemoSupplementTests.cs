using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// ADR 048 demo data: a fresh seed has one 补充协议 on 塔山's oldest 养医联合体服务协议 in force, which adds an item from its
/// day (ADR 044) and raises the 年度健康服务费 from the next half-year (ADR 045), and the clinic's pages show both.
/// </summary>
public class DemoSupplementTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Clinic = "塔山街道社区卫生服务中心";

    [Fact]
    public async Task Showcase_HasOneSupplementInForce_ItsAddedItemFromItsDay_AndTheRaisedSecondHalf()
    {
        var (original, supplement, records, filings) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var clinic = await db.MedicalInstitutions.Where(m => m.Name == Clinic).Select(m => m.Id).SingleAsync();
            var originals = await db.Agreements.AsNoTracking().Include(a => a.Items)
                .Where(a => a.MedicalInstitutionId == clinic && a.Status == AgreementStatus.Effective && a.SupplementToId == null).ToListAsync();
            var supplements = await SupplementsInForce.OfAsync(db, originals.Select(a => a.Id).ToList(), CancellationToken.None);
            var supplemented = Assert.Single(originals, a => supplements[a.Id].Any());
            var supplement = Assert.Single(supplements[supplemented.Id]);
            var records = await db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == supplemented.Id).ToListAsync();
            var filings = await db.Filings.AsNoTracking().Where(f => f.AgreementId == supplement.Id).ToListAsync();
            return (supplemented, supplement, records, filings);
        });

        // In force through the real workflow, its filings accepted: nothing left for the demo accounts to do.
        Assert.Equal(AgreementStatus.Effective, supplement.Status);
        Assert.Equal(2, filings.Count);
        Assert.All(filings, f => Assert.Equal(FilingStatus.Accepted, f.Status));

        // ADR 044: the added item is planned and recorded from the supplement's day, not before.
        var day = BeijingTime.DateOf(supplement.EffectiveAtUtc!.Value);
        var agreed = AgreedItems.Of(original, [supplement]);
        var added = Assert.Single(agreed.All, i => original.Items.All(o => o.ServiceItemId != i.Item.ServiceItemId));
        var lines = ServicePlan.Of(agreed).Where(l => l.AgreementItemId == added.LineItemId).ToList();
        var nextMonth = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        Assert.Contains(lines, l => l.Period.Start == nextMonth && l.AgreedCount == added.Item.Frequency);
        Assert.DoesNotContain(lines, l => l.Period.End < day);
        Assert.DoesNotContain(agreed.Between(day.AddMonths(-1), day.AddDays(-1)), i => i.LineItemId == added.LineItemId);
        var addedRecords = records.Where(r => r.AgreementItemId == added.LineItemId).ToList();
        Assert.NotEmpty(addedRecords);
        Assert.All(addedRecords, r => Assert.True(r.ServiceDate >= day, r.ServiceDate.ToString()));

        // ADR 045: the first half keeps the original's amount, the half that begins under the supplement takes its fee.
        var instalments = FeeInstalments.Of(original, [supplement]);
        var first = instalments.Single(i => i.Year == 1 && i.Half == InstalmentHalf.First);
        var second = instalments.Single(i => i.Year == 1 && i.Half == InstalmentHalf.Second);
        Assert.True(first.PeriodStart < day && day < second.PeriodStart, $"{day} between the halves");
        Assert.Null(first.ChangedBy);
        Assert.True(supplement.Terms.AnnualHealthServiceFee!.Value.Yuan > original.Terms.AnnualHealthServiceFee!.Value.Yuan);
        Assert.Equal(supplement.Terms.AnnualHealthServiceFee.Value.Yuan / 2, second.Amount.Yuan);
        Assert.Equal(supplement.Id, second.ChangedBy?.AgreementId);

        // What the clinic sees: the item on the month's fulfilment page, the supplement named on the fees page.
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var fulfilment = await client.GetAsync($"/shaoxing/agreements/{original.Id}/fulfilment?month={nextMonth:yyyy-MM}");
        Assert.Equal(HttpStatusCode.OK, fulfilment.StatusCode);
        Assert.Contains(added.Name, await fulfilment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The month the supplement splits says from which day the item is agreed, and by which supplement.
        var split = await (await client.GetAsync($"/shaoxing/agreements/{original.Id}/fulfilment?month={day:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"changed-in-period\">自 {day:yyyy-MM-dd} 起按补充协议（{supplement.DocumentNumber}）增加<", split, StringComparison.Ordinal);
        Assert.DoesNotContain("changed-in-period", await fulfilment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var report = Poppler.Text(await client.Http.GetByteArrayAsync(new Uri($"/shaoxing/agreements/{original.Id}/fulfilment/report?year=1", UriKind.Relative)));
        Assert.Contains($"注：{added.Name}自{day:yyyy-MM-dd}起按补充协议（{supplement.DocumentNumber}）增加。", report, StringComparison.Ordinal);
        var fees = await client.GetAsync($"/shaoxing/agreements/{original.Id}/fees");
        Assert.Equal(HttpStatusCode.OK, fees.StatusCode);
        Assert.Contains($"按补充协议 {supplement.DocumentNumber} 调整", await fees.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
