using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 督查 demo data (issue 15, ADR 038): on the showcase clinic's first agreement in force, 越城区民政局 asked the clinic
/// about the month it fell a delivery short, and the clinic answered; so the page says something on a fresh run. Left as
/// it is when the agreement has a notice already.
/// </summary>
internal static class DemoSupervision
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId))
        {
            return;
        }

        var db = scope.Db;
        var agreement = await db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory)
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective)
            .OrderBy(a => a.DocumentNumber).FirstOrDefaultAsync(cancellationToken);
        if (agreement is null || await db.SupervisionNotices.AnyAsync(n => n.AgreementId == agreement.Id, cancellationToken))
        {
            return;
        }

        var county = await db.ElderCareInstitutions.Where(e => e.Id == agreement.ElderCareInstitutionId).Select(e => e.CountyId).SingleAsync(cancellationToken);
        var regulator = await db.Users.Where(u => u.Role == PortalRole.Regulator && u.Bureau == Bureau.CivilAffairs && u.CountyId == county)
            .OrderBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var clinicUser = await db.Users.Where(u => u.MedicalInstitutionId == clinicId).OrderBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (regulator is not { } sender || clinicUser is not { } answerer)
        {
            return;
        }

        var now = scope.Clock.Latest;
        var today = BeijingTime.Today(now);
        var shortMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var sentAt = now.AddDays(-6);
        var notice = SupervisionNotice.Send(
            agreement, county, Bureau.CivilAffairs, sender, AgreementParty.Medical,
            $"{shortMonth:yyyy年M月}约定服务少 1 次。请说明原因，并说明补足安排。", today.AddDays(8), BeijingTime.Today(sentAt), sentAt);
        notice.Answer(AgreementParty.Medical, answerer, "当月一名主治医师外出培训，已在次月增加一次服务补足，并调整了排班。", now.AddDays(-2));
        db.SupervisionNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
    }
}
