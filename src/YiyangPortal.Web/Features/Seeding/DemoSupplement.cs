using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 补充协议 demo data (ADR 044, 045, 048): on the showcase clinic's (塔山) oldest 养医联合体服务协议 in force, one
/// supplement that adds 康复技能指导 twice a month and raises the 年度健康服务费 by 2,000 元, signed through the real
/// workflow and in force from the middle of the month before the term's second half-year, its filings accepted (no
/// to-do). <see cref="DemoFulfilment"/> then records the added item from that day and <see cref="DemoFees"/> shows the
/// 下半年 at the raised amount. Dated from the term, not the calendar, so a seed on any day tells the same story.
/// An original that already has a supplement or service records (a reseed, an older database) is left as it is.
/// </summary>
internal static class DemoSupplement
{
    /// <summary>康复技能指导 (2020 guide 三(三)): a monthly item the consortium template does not list.</summary>
    private const string AddedItem = "REHAB-GUIDE";

    private const int AddedFrequency = 2;

    private static readonly Money Raise = Money.FromYuan(2_000m);

    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId))
        {
            return;
        }

        var db = scope.Db;
        var today = BeijingTime.Today(scope.Clock.Latest);
        var originals = await db.Agreements.AsNoTracking()
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective && a.SupplementToId == null
                        && a.Template == AgreementTemplate.MedicalElderCareConsortium)
            .ToListAsync(cancellationToken);
        var chosen = originals
            .Where(a => a.Terms.Term is not null && a.Terms.AnnualHealthServiceFee is { Yuan: > 0 } && a.EffectiveAtUtc is not null)
            .Select(a => (Original: a, Day: DayOf(a.Terms.Term!.Value)))
            .Where(c => c.Day > BeijingTime.DateOf(c.Original.EffectiveAtUtc!.Value).AddDays(7) && c.Day.AddDays(14) < today)
            .OrderBy(c => c.Original.Terms.Term!.Value.From).ThenBy(c => c.Original.DocumentNumber)
            .FirstOrDefault();
        if (chosen.Original is not { } original
            || await db.Agreements.AnyAsync(a => a.SupplementToId == original.Id, cancellationToken)
            || await db.ServiceRecords.AnyAsync(r => r.AgreementId == original.Id, cancellationToken))
        {
            return;
        }

        var fee = original.Terms.AnnualHealthServiceFee!.Value + Raise;
        await scope.Builder.SupplementAsync(original.Id, new SupplementStory(BeijingTime.StartOfDayUtc(chosen.Day).AddHours(10))
        {
            Adds = [(AddedItem, AddedFrequency)],
            Change = (supplement, by) => supplement.UpdateTerms(by, supplement.Terms with { AnnualHealthServiceFee = fee }),
            CivilAffairs = FilingPlan.Accepted,
            Health = FilingPlan.Accepted,
        });
        scope.Clock.MoveTo(scope.Clock.Latest);
    }

    /// <summary>
    /// The 16th day before the term's second half-year begins (16 August for a term from 1 March): the 下半年 then
    /// begins under the supplement and takes its fee (ADR 045), and the month it is signed in is split (ADR 044).
    /// </summary>
    private static DateOnly DayOf(ValidityPeriod term) => term.From.AddMonths(6).AddDays(-16);
}
