using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// A training the showcase clinic (塔山) gave the showcase home's care team (绍市民〔2024〕6号 二.6; 附件1 六), recorded
/// by the clinic, so the home's 六个一 training list shows one entry marked as the clinic's. Skipped when the clinic has
/// recorded one, or when the two have no agreement in force.
/// </summary>
internal static class DemoClinicTraining
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId) || !lookup.ElderCare.TryGetValue(DemoData.ShowcaseHome, out var homeId))
        {
            return;
        }

        var db = scope.Db;
        var now = scope.Clock.Latest;
        var today = BeijingTime.Today(now);
        var userId = await db.Users.Where(u => u.MedicalInstitutionId == clinicId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.MedicalInstitutionId == clinicId && a.ElderCareInstitutionId == homeId && a.Status == AgreementStatus.Effective)
            .ToListAsync(cancellationToken);
        if (userId is not { } user || !agreements.Any(a => a.IsInForceOn(today))
            || await db.TrainingSessions.AnyAsync(t => t.MedicalInstitutionId == clinicId, cancellationToken))
        {
            return;
        }

        var tenantId = agreements[0].TenantId;
        var day = today.AddDays(-12).Year == today.Year ? today.AddDays(-12) : new DateOnly(today.Year, 1, 1);
        db.TrainingSessions.Add(TrainingSession.RecordByClinic(tenantId, homeId, clinicId, true, day, "压疮预防与翻身护理", 16, user, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
