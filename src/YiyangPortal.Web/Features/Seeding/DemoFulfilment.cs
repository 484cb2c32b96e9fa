using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 履约 demo data (issue 15, ADR 016): the showcase clinic's roster, and for each of its agreements in force up to a
/// year of deliveries (the last twelve months, from the term's start) through <see cref="FulfilmentWorkflow"/> — the
/// home confirms them, disputes one, and an item falls a delivery short in two of the months; this month's records
/// still await the home. Items follow the 补充协议 in force (<see cref="DemoSupplement"/>'s added item from its day).
/// An agreement that has records is left as it is, so a second run adds nothing.
/// </summary>
internal static class DemoFulfilment
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId))
        {
            return;
        }

        var db = scope.Db;
        if (await UserOfAsync(db.Users.Where(u => u.MedicalInstitutionId == clinicId), cancellationToken) is not { } medicalUserId)
        {
            return;
        }

        var roster = await RosterAsync(scope, clinicId, cancellationToken);
        var agreements = await db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory)
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective && a.SupplementToId == null)
            .ToListAsync(cancellationToken);
        var supplements = await SupplementsInForce.OfAsync(db, agreements.Select(a => a.Id).ToList(), cancellationToken);
        var workflow = scope.Services.GetRequiredService<FulfilmentWorkflow>();
        var now = scope.Clock.Latest;
        foreach (var agreement in agreements.Where(a => a.ServiceDays() is not null))
        {
            var homeUser = await UserOfAsync(db.Users.Where(u => u.ElderCareInstitutionId == agreement.ElderCareInstitutionId), cancellationToken);
            if (homeUser is not { } elderUserId || await db.ServiceRecords.AnyAsync(r => r.AgreementId == agreement.Id, cancellationToken))
            {
                continue;
            }

            var agreed = AgreedItems.Of(agreement, supplements[agreement.Id]);
            await RecordMonthsAsync(agreed, roster, workflow, medicalUserId, elderUserId, now, cancellationToken);
        }
    }

    /// <summary>
    /// The deliveries of the last twelve months, item by item as agreed each month (<see cref="AgreedItems"/>): an item
    /// a 补充协议 added from its day on, as many times as the plan owes (<see cref="ServicePlan"/>; a split month owes
    /// its share), the original's items as before.
    /// </summary>
    private static async Task RecordMonthsAsync(
        AgreedItems agreed, IReadOnlyList<StaffMember> roster, FulfilmentWorkflow workflow, Guid medicalUserId, Guid elderUserId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agreement = agreed.Original;
        var today = BeijingTime.Today(now);
        var (from, to) = agreement.ServiceDays()!.Value;
        var plan = ServicePlan.Of(agreed);
        var senior = roster.First(s => s.Title.IsAtLeast(ProfessionalTitle.Intermediate));
        var disputed = false;
        for (var back = 11; back >= 0; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var lastDay = month.AddMonths(1).AddDays(-1);
            var monthly = agreed.Between(month, lastDay)
                .Where(i => i.Item.Frequency > 0 && ServicePeriod.KindFor(i.Item.Unit) == PeriodKind.Month).ToList();
            foreach (var (item, index) in monthly.Select((i, n) => (i, n)))
            {
                // From the first day of the month it is agreed on (a supplement's day, for an item it adds).
                var first = Enumerable.Range(0, lastDay.Day).Select(month.AddDays).First(d => agreed.NotAgreedOn(item.LineItemId, d) is null);
                var owed = plan.FirstOrDefault(l => l.AgreementItemId == item.LineItemId && l.Period.Contains(first))?.AgreedCount ?? item.Item.Frequency;

                // Two months ago the second item falls one delivery short (the page has a shortfall to show), and six
                // months ago the first: a year with realistic gaps for the yearly report and the regulators' rates.
                var count = (back == 2 && index == 1) || (back == 6 && index == 0) ? owed - 1 : owed;
                for (var k = 0; k < count; k++)
                {
                    var day = first.AddDays(Math.Min(2 + (k * 7) + index, lastDay.DayNumber - first.DayNumber));
                    if (day < from || day > to || day >= today || agreed.NotAgreedOn(item.LineItemId, day) is not null)
                    {
                        continue;
                    }

                    var recordedAt = BeijingTime.StartOfDayUtc(day).AddHours(17);
                    var staff = item.Item.Clause is null ? roster[(k + index) % roster.Count] : senior;
                    var delivery = new ServiceDelivery(item.LineItemId, day, staff.Id, 8 + ((k * 5 + index * 3) % 17), 90 + (15 * (k % 3)), null);
                    var outcome = await workflow.RecordAsync(agreement, delivery, AgreementActor.Medical(medicalUserId, recordedAt), null, cancellationToken);
                    if (outcome.Record is not { } record || back == 0)
                    {
                        continue;
                    }

                    var answeredAt = Min(recordedAt.AddDays(2), now);
                    var dispute = !disputed && back == 1 && index == 0;
                    disputed |= dispute;
                    await workflow.AnswerAsync(
                        agreement, record.Id, AgreementActor.ElderCare(elderUserId, answeredAt), dispute ? "当天未见医生到院，请核实。" : null, cancellationToken);
                }
            }
        }
    }

    private static async Task<IReadOnlyList<StaffMember>> RosterAsync(SeedingScope scope, Guid clinicId, CancellationToken cancellationToken)
    {
        var roster = await scope.Db.StaffMembers.Where(s => s.MedicalInstitutionId == clinicId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (roster.Count > 0)
        {
            return roster;
        }

        var tenantId = (await scope.Db.MedicalInstitutions.SingleAsync(m => m.Id == clinicId, cancellationToken)).TenantId;
        roster =
        [
            new StaffMember(tenantId, clinicId, "周文华", ProfessionalTitle.AssociateSenior),
            new StaffMember(tenantId, clinicId, "沈建平", ProfessionalTitle.Intermediate),
            new StaffMember(tenantId, clinicId, "陆晓燕", ProfessionalTitle.Junior),
        ];
        scope.Db.StaffMembers.AddRange(roster);
        await scope.Db.SaveChangesAsync(cancellationToken);
        return roster;
    }

    private static Task<Guid?> UserOfAsync(IQueryable<PortalUser> users, CancellationToken cancellationToken) =>
        users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
