using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// The standard service catalogue for each tenant (missing codes only, so tenant edits survive a reseed) and a fee
/// schedule for every demo medical institution: the items it is qualified for, 会诊费 per title, and one price
/// change mid-year so the versions show. Prices were "published" on 1 January two years before the seeding day, so
/// the demo agreements signed in the past year find the prices of their day.
/// </summary>
public static class DemoCatalogue
{
    /// <param name="factor">Each institution's price level (1 = the standard demo prices).</param>
    public static async Task EnsureAsync(
        PortalDbContext db, Guid tenantId, IEnumerable<MedicalInstitution> institutions, Func<MedicalInstitution, decimal> factor,
        DateOnly today, CancellationToken cancellationToken)
    {
        var existing = await db.ServiceItems.Select(i => i.Code).ToListAsync(cancellationToken);
        db.ServiceItems.AddRange(StandardCatalogue.CreateFor(tenantId).Where(i => !existing.Contains(i.Code)));
        await db.SaveChangesAsync(cancellationToken);

        var items = await db.ServiceItems.Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var withSchedule = await db.FeeSchedules.Select(s => s.MedicalInstitutionId).ToListAsync(cancellationToken);
        foreach (var institution in institutions.Where(i => !withSchedule.Contains(i.Id)))
        {
            db.FeeSchedules.Add(ScheduleFor(institution, items, factor(institution), new DateOnly(today.Year - 2, 1, 1)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static FeeSchedule ScheduleFor(MedicalInstitution institution, IReadOnlyList<ServiceItem> items, decimal factor, DateOnly publishedOn)
    {
        var priceChangeOn = publishedOn.AddMonths(18);
        var schedule = new FeeSchedule(institution);
        var open = new ValidityPeriod(publishedOn, null);
        foreach (var item in items.Where(i => IsOffered(i, institution)))
        {
            var funding = ProviderRules.FundingRefusal(item.DefaultFunding, institution) is null
                ? item.DefaultFunding
                : Funding.SelfPaid;
            schedule.PublishPrice(item, institution, DemoPrice(item, funding, factor), item.Unit, funding, open, publishedOn);
        }

        // A price change on 1 July of the year before last: the January price stays on record for agreements signed before.
        if (items.FirstOrDefault(i => i.Code == "SX1-CLINIC") is { } clinic && schedule.PriceOn(clinic.Id, publishedOn) is not null)
        {
            schedule.PublishPrice(
                clinic, institution, Money.FromYuan(Round(260m * factor)), clinic.Unit, Funding.CooperationFee,
                new ValidityPeriod(priceChangeOn, null), priceChangeOn);
        }

        var senior = Round((institution.Grade >= HospitalGrade.Level2 ? 300m : 200m) * factor);
        schedule.SetConsultationFee(ProfessionalTitle.Senior, Money.FromYuan(senior), open, publishedOn);
        schedule.SetConsultationFee(ProfessionalTitle.AssociateSenior, Money.FromYuan(Round(senior * 0.6m)), open, publishedOn);
        schedule.SetConsultationFee(ProfessionalTitle.Intermediate, Money.FromYuan(Round(senior * 0.4m)), open, publishedOn);
        return schedule;
    }

    private static bool IsOffered(ServiceItem item, MedicalInstitution institution) =>
        item.AssessProvider(institution).IsAllowed;

    private static Money DemoPrice(ServiceItem item, Funding funding, decimal factor) => funding switch
    {
        Funding.BasicPublicHealth => Money.Zero,
        _ => Money.FromYuan(Round(factor * item.Unit switch
        {
            ServiceUnit.PerYear => 3000m,
            ServiceUnit.TimesPerMonth => 240m,
            ServiceUnit.TimesPerYear => 500m,
            ServiceUnit.PerBedDay => 35m,
            _ => 50m,
        })),
    };

    /// <summary>Whole 元 below 100, tens of 元 above: prices as institutions publish them.</summary>
    private static decimal Round(decimal yuan) => yuan < 100m ? Math.Round(yuan) : Math.Round(yuan / 10m) * 10m;
}
