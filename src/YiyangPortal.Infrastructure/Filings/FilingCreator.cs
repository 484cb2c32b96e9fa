using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Filings;

/// <summary>
/// Called by the agreement workflow when an agreement takes effect: adds its filings (2020 guide 六(四), 一式四份)
/// and tells both parties, without saving, so the filings commit in the same transaction as the signature.
/// </summary>
public sealed class FilingCreator(PortalDbContext db)
{
    public async Task<IReadOnlyList<Filing>> AddFilingsForAsync(
        Agreement agreement, ElderCareInstitution elderCare, MedicalInstitution medical, CancellationToken cancellationToken = default)
    {
        var filings = FilingRules.ForEffectiveAgreement(agreement, elderCare, medical);
        db.Filings.AddRange(filings);
        var due = BeijingTime.FormatChineseDate(filings[0].DueDate);
        var bureaus = string.Join("、", filings.Select(f => f.Bureau == Bureau.CivilAffairs ? "民政局" : "卫生健康局").Distinct());
        // The agreement's own message already says it took effect: this one is the filing to-do, with its deadline.
        var title = $"请于 {due} 前向{bureaus}报送协议 {agreement.DocumentNumber} 的备案";
        var at = agreement.EffectiveAtUtc!.Value;
        foreach (var userId in await FilingRecipients.PartiesAsync(db, elderCare.Id, medical.Id, cancellationToken))
        {
            db.Notifications.Add(new Notification(agreement.TenantId, userId, NotificationKind.FilingDue, Clip(title), "/filings", at));
        }

        return filings;
    }

    /// <summary>Notification titles hold 200 characters.</summary>
    public static string Clip(string title) => title.Length <= 200 ? title : title[..200];
}
