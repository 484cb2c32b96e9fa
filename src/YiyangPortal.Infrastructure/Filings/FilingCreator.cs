using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Filings;

/// <summary>
/// Called by the agreement workflow when an agreement takes effect: adds its filings (2020 guide 六(四), 一式四份)
/// without saving, so the filings commit in the same transaction as the signature. The parties hear of them in the
/// agreement's one 已生效 message (AgreementNotifier), which gives the due date.
/// </summary>
public sealed class FilingCreator(PortalDbContext db)
{
    public Task<IReadOnlyList<Filing>> AddFilingsForAsync(
        Agreement agreement, ElderCareInstitution elderCare, MedicalInstitution medical, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var filings = FilingRules.ForEffectiveAgreement(agreement, elderCare, medical);
        db.Filings.AddRange(filings);
        return Task.FromResult(filings);
    }

    /// <summary>Notification titles hold 200 characters.</summary>
    public static string Clip(string title) => title.Length <= 200 ? title : title[..200];
}
