using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 六个一 and 年度评价 demo data (ADR 036, 037): the showcase home (福乐养老院, partnered with 塔山) has entered this
/// year's health check and one training, but no green-channel use and no 内设医疗机构 application, so its card is
/// partly complete; it has rated one agreement year whose window is open and the clinic's rating is pending. Each part
/// is skipped when present, so a second run adds nothing.
/// </summary>
internal static class DemoSixOnes
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.ElderCare.TryGetValue(DemoData.ShowcaseHome, out var homeId))
        {
            return;
        }

        var db = scope.Db;
        var home = await db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == homeId, cancellationToken);
        var userId = await db.Users.Where(u => u.ElderCareInstitutionId == homeId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is not { } staff)
        {
            return;
        }

        var now = scope.Clock.Latest;
        var today = BeijingTime.Today(now);
        var yearStart = new DateOnly(today.Year, 1, 1);
        if (!await db.HealthChecks.AnyAsync(c => c.ElderCareInstitutionId == homeId && c.Year == today.Year, cancellationToken))
        {
            var day = Max(yearStart, today.AddDays(-20));
            var due = Math.Min(home.Residents, 80);
            db.HealthChecks.Add(HealthCheck.Enter(null, home.TenantId, homeId, home.Beds, day, due - 2, due, staff, now));
        }

        if (!await db.TrainingSessions.AnyAsync(t => t.ElderCareInstitutionId == homeId && t.HeldOn >= yearStart, cancellationToken))
        {
            db.TrainingSessions.Add(TrainingSession.Record(
                home.TenantId, homeId, AgreementParty.ElderCare, Max(yearStart, today.AddDays(-30)), "应急急救与跌倒预防", 24, staff, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await EvaluateOneAsync(scope, homeId, staff, now, cancellationToken);
    }

    // The home rates the first agreement year open for it; the clinic's side is left pending.
    private static async Task EvaluateOneAsync(SeedingScope scope, Guid homeId, Guid staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var ids = db.Agreements.Where(a => a.ElderCareInstitutionId == homeId).Select(a => a.Id);
        if (await db.AgreementEvaluations.AnyAsync(e => ids.Contains(e.AgreementId), cancellationToken))
        {
            return;
        }

        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Items)
            .Where(a => a.ElderCareInstitutionId == homeId && a.SupplementToId == null
                        && (a.Status == AgreementStatus.Effective || a.Status == AgreementStatus.Expired || a.Status == AgreementStatus.Terminated))
            .OrderBy(a => a.CreatedAtUtc).ToListAsync(cancellationToken);
        var today = BeijingTime.Today(now);
        foreach (var agreement in agreements)
        {
            var open = AgreementEvaluation.YearsOf(agreement)
                .FirstOrDefault(y => AgreementEvaluation.WhyClosed(agreement, AgreementParty.ElderCare, y.Number, today, []) is null);
            if (open is null)
            {
                continue;
            }

            var scores = new Dictionary<EvaluationCriterion, int?>
            {
                [EvaluationCriterion.Timeliness] = 5,
                [EvaluationCriterion.Quality] = 4,
                [EvaluationCriterion.Cooperation] = 4,
                [EvaluationCriterion.Records] = 3,
            };
            db.AgreementEvaluations.Add(AgreementEvaluation.Submit(
                agreement, AgreementActor.ElderCare(staff, now), open.Number, scores, "巡诊准时，医生耐心；服务记录偶有补录，希望当天登记。", []));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
