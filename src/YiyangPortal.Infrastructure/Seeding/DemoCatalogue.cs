using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Seeding;

/// <summary>
/// The standard service catalogue for each tenant (missing codes only, so tenant edits survive a reseed) and a fee
/// schedule for every demo medical institution: the items it is qualified for, 会诊费 per title, and one price
/// change mid-year so the versions show.
/// </summary>
internal static class DemoCatalogue
{
    /// <summary>Demo prices were "published" on this day, so their history starts before today.</summary>
    public static readonly DateOnly PublishedOn = new(2026, 1, 1);

    private static readonly DateOnly PriceChangeOn = new(2026, 7, 1);

    public static async Task EnsureAsync(
        PortalDbContext db, Guid tenantId, IEnumerable<MedicalInstitution> institutions, CancellationToken cancellationToken)
    {
        var existing = await db.ServiceItems.Select(i => i.Code).ToListAsync(cancellationToken);
        db.ServiceItems.AddRange(StandardCatalogue.CreateFor(tenantId).Where(i => !existing.Contains(i.Code)));
        await db.SaveChangesAsync(cancellationToken);

        var items = await db.ServiceItems.Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var withSchedule = await db.FeeSchedules.Select(s => s.MedicalInstitutionId).ToListAsync(cancellationToken);
        foreach (var institution in institutions.Where(i => !withSchedule.Contains(i.Id)))
        {
            db.FeeSchedules.Add(ScheduleFor(institution, items));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static FeeSchedule ScheduleFor(MedicalInstitution institution, IReadOnlyList<ServiceItem> items)
    {
        var schedule = new FeeSchedule(institution);
        var open = new ValidityPeriod(PublishedOn, null);
        foreach (var item in items.Where(i => IsOffered(i, institution)))
        {
            var funding = ProviderRules.FundingRefusal(item.DefaultFunding, institution) is null
                ? item.DefaultFunding
                : Funding.SelfPaid;
            schedule.PublishPrice(item, institution, DemoPrice(item, funding), item.Unit, funding, open, PublishedOn);
        }

        // A price change on 1 July: the January price stays on record for agreements signed before.
        if (items.FirstOrDefault(i => i.Code == "SX1-CLINIC") is { } clinic && schedule.PriceOn(clinic.Id, PublishedOn) is not null)
        {
            schedule.PublishPrice(
                clinic, institution, Money.FromYuan(260m), clinic.Unit, Funding.CooperationFee,
                new ValidityPeriod(PriceChangeOn, null), PriceChangeOn);
        }

        var senior = institution.Grade >= HospitalGrade.Level2 ? 300m : 200m;
        schedule.SetConsultationFee(ProfessionalTitle.Senior, Money.FromYuan(senior), open, PublishedOn);
        schedule.SetConsultationFee(ProfessionalTitle.AssociateSenior, Money.FromYuan(senior * 0.6m), open, PublishedOn);
        schedule.SetConsultationFee(ProfessionalTitle.Intermediate, Money.FromYuan(senior * 0.4m), open, PublishedOn);
        return schedule;
    }

    private static bool IsOffered(ServiceItem item, MedicalInstitution institution) =>
        item.AssessProvider(institution).IsAllowed;

    private static Money DemoPrice(ServiceItem item, Funding funding) => funding switch
    {
        Funding.BasicPublicHealth => Money.Zero,
        _ => Money.FromYuan(item.Unit switch
        {
            ServiceUnit.PerYear => 3000m,
            ServiceUnit.TimesPerMonth => 240m,
            ServiceUnit.TimesPerYear => 500m,
            ServiceUnit.PerBedDay => 35m,
            _ => 50m,
        }),
    };
}
