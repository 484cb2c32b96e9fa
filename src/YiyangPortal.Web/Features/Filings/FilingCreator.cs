using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// Called by the agreement workflow when an agreement takes effect or is terminated: adds its filings (2020 guide 六(四), 一式四份)
/// without saving, so the filings commit in the same transaction as the signature. The parties hear of them in the
/// agreement's one 已生效 message (AgreementNotifier), which gives the due date.
/// </summary>
public sealed class FilingCreator(PortalDbContext db)
{
    public async Task<IReadOnlyList<Filing>> AddFilingsForAsync(
        Agreement agreement, ElderCareInstitution elderCare, MedicalInstitution medical, CancellationToken cancellationToken = default)
    {
        var calendar = await CalendarAsync(BeijingTime.DateOf(agreement.EffectiveAtUtc ?? DateTimeOffset.MinValue), cancellationToken);
        var filings = FilingRules.ForEffectiveAgreement(agreement, elderCare, medical, calendar);
        db.Filings.AddRange(filings);
        return filings;
    }

    /// <summary>
    /// Adds the 终止备案 of an agreement just terminated, one per bureau that received its 签约备案 (2020 guide 六(二)),
    /// without saving: they commit with the termination.
    /// </summary>
    public async Task<IReadOnlyList<Filing>> AddTerminationFilingsForAsync(Agreement agreement, CancellationToken cancellationToken = default)
    {
        var existing = await db.Filings.Where(f => f.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        var calendar = await CalendarAsync(agreement.TerminatedOn ?? DateOnly.MinValue, cancellationToken);
        var filings = FilingRules.ForTerminatedAgreement(agreement, existing, calendar);
        db.Filings.AddRange(filings);
        return filings;
    }

    private Task<HolidayCalendar> CalendarAsync(DateOnly signed, CancellationToken cancellationToken) =>
        FilingCalendar.AroundAsync(db, signed, cancellationToken);
}
