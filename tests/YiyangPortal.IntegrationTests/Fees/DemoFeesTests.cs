using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fees;

/// <summary>ADR 035 demo data: 塔山's first halves paid and confirmed, second halves due, one record past the window.</summary>
public class DemoFeesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Showcase_HasConfirmedFirstHalves_UnpaidSecondHalves_AndAnOverdueRecord()
    {
        var (payments, unpaidSecondHalves, overdue) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var clinic = await db.MedicalInstitutions.Where(m => m.Name == "塔山街道社区卫生服务中心").Select(m => m.Id).SingleAsync();
            var payments = await db.FeePayments.AsNoTracking().Where(p => p.MedicalInstitutionId == clinic).ToListAsync();
            var agreements = await db.Agreements.Where(a => payments.Select(p => p.AgreementId).Contains(a.Id)).ToListAsync();
            var supplements = await SupplementsInForce.OfAsync(db, agreements.Select(a => a.Id).ToList(), CancellationToken.None);
            var unpaid = agreements.SelectMany(a => FeeInstalments.Of(a, supplements[a.Id])).Count(i => i.Half == InstalmentHalf.Second
                && i.PeriodStart <= BeijingTime.Today(DateTimeOffset.UtcNow)
                && !payments.Any(p => p.AgreementYear == i.Year && p.Half == i.Half));
            var days = await db.Tenants.Where(t => t.Slug == TestData.Shaoxing).Select(t => t.ServiceConfirmationDays).SingleAsync();
            var overdue = await db.ServiceRecords.Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.MedicalInstitutionId == clinic))
                .CountAsync(ConfirmationWindow.Overdue(ConfirmationWindow.Cutoff(DateTimeOffset.UtcNow, days)));
            return (payments, unpaid, overdue);
        });

        Assert.NotEmpty(payments);
        Assert.All(payments, p => Assert.Equal((InstalmentHalf.First, FeePaymentStatus.Confirmed), (p.Half, p.Status)));
        Assert.True(unpaidSecondHalves >= 0);
        Assert.True(overdue >= 1);
    }
}
