using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 履约 demo data (issue 15, ADR 016): the showcase clinic's roster, and for each of its agreements in force up to a
/// year of deliveries (the last twelve months, from the term's start) through <see cref="FulfilmentWorkflow"/> — the
/// home confirms them, disputes one, and an item falls a delivery short in two of the months; this month's records
/// still await the home. An agreement that has records is left as it is, so a second run adds nothing.
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
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective)
            .ToListAsync(cancellationToken);
        var workflow = scope.Services.GetRequiredService<FulfilmentWorkflow>();
        var now = scope.Clock.Latest;
        foreach (var agreement in agreements.Where(a => a.ServiceDays() is not null))
        {
            var homeUser = await UserOfAsync(db.Users.Where(u => u.ElderCareInstitutionId == agreement.ElderCareInstitutionId), cancellationToken);
            if (homeUser is not { } elderUserId || await db.ServiceRecords.AnyAsync(r => r.AgreementId == agreement.Id, cancellationToken))
            {
                continue;
            }

            await RecordMonthsAsync(agreement, roster, workflow, medicalUserId, elderUserId, now, cancellationToken);
        }
    }

    private static async Task RecordMonthsAsync(
        Agreement agreement, IReadOnlyList<StaffMember> roster, FulfilmentWorkflow workflow, Guid medicalUserId, Guid elderUserId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.Today(now);
        var (from, to) = agreement.ServiceDays()!.Value;
        var monthly = agreement.IncludedItems.Where(i => i.Frequency > 0 && ServicePeriod.KindFor(i.Unit) == PeriodKind.Month).ToList();
        var senior = roster.First(s => s.Title.IsAtLeast(ProfessionalTitle.Intermediate));
        var disputed = false;
        for (var back = 11; back >= 0; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            foreach (var (item, index) in monthly.Select((i, n) => (i, n)))
            {
                // Two months ago the second item falls one delivery short (the page has a shortfall to show), and six
                // months ago the first: a year with realistic gaps for the yearly report and the regulators' rates.
                var count = (back == 2 && index == 1) || (back == 6 && index == 0) ? item.Frequency - 1 : item.Frequency;
                for (var k = 0; k < count; k++)
                {
                    var day = month.AddDays(Math.Min(2 + (k * 7) + index, month.AddMonths(1).AddDays(-1).Day - 1));
                    if (day < from || day > to || day >= today)
                    {
                        continue;
                    }

                    var recordedAt = BeijingTime.StartOfDayUtc(day).AddHours(17);
                    var staff = item.Clause is null ? roster[(k + index) % roster.Count] : senior;
                    var delivery = new ServiceDelivery(item.Id, day, staff.Id, 8 + ((k * 5 + index * 3) % 17), 90 + (15 * (k % 3)), null);
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
