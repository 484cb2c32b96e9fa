using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>Issue 15 demo data: a fresh seed shows the showcase agreement's deliveries, a dispute and a shortfall.</summary>
public class DemoFulfilmentTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Showcase_HasConfirmedDisputedAndPendingRecords_AndAShortfall()
    {
        var (records, shortfalls) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var clinic = await db.MedicalInstitutions.Where(m => m.Name == "塔山街道社区卫生服务中心").Select(m => m.Id).SingleAsync();
            var all = await db.ServiceRecords.AsNoTracking()
                .Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.MedicalInstitutionId == clinic)).ToListAsync();
            var today = BeijingTime.Today(DateTimeOffset.UtcNow);
            var shortfalls = 0;
            foreach (var agreementId in all.Select(r => r.AgreementId).Distinct())
            {
                var agreement = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == agreementId);
                shortfalls += FulfilmentSummary.Of(ServicePlan.Of(agreement), all.Where(r => r.AgreementId == agreementId))
                    .Count(l => l.IsShortOn(today) && l.Recorded > 0);
            }

            return (all, shortfalls);
        });

        Assert.Contains(records, r => r.Status == ServiceRecordStatus.Confirmed);
        Assert.Single(records, r => r.Status == ServiceRecordStatus.Disputed);
        Assert.True(shortfalls > 0);
    }
}
