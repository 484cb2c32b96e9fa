using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Web.Features.Fees;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 费用 and 确认时限 demo data (issue 15, ADR 035), through <see cref="FeesWorkflow"/> and <see cref="FulfilmentWorkflow"/>:
/// for each agreement in force with the showcase clinic (塔山) that has a 年度健康服务费, every 上半年 instalment begun so
/// far is paid by the home and confirmed by the clinic (so its 备查账 has entries), every 下半年 is left due or overdue;
/// and one service record is left 待确认 past the tenant's window (逾期未确认). A second run adds nothing.
/// </summary>
internal static class DemoFees
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId)
            || await FirstUserAsync(scope, u => u.MedicalInstitutionId == clinicId, cancellationToken) is not { } clinicUser)
        {
            return;
        }

        var inForce = await scope.Db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory)
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective && a.SupplementToId == null)
            .OrderBy(a => a.DocumentNumber).ToListAsync(cancellationToken);
        var supplements = await SupplementsInForce.OfAsync(scope.Db, inForce.Select(a => a.Id).ToList(), cancellationToken);
        var agreements = inForce.Select(a => (Agreement: a, Instalments: FeeInstalments.Of(a, supplements[a.Id])))
            .Where(a => a.Instalments.Count > 0).ToList();
        var now = scope.Clock.Latest;
        foreach (var (agreement, instalments) in agreements)
        {
            var home = agreement.ElderCareInstitutionId;
            if (await FirstUserAsync(scope, u => u.ElderCareInstitutionId == home, cancellationToken) is { } homeUser
                && !await scope.Db.FeePayments.AnyAsync(p => p.AgreementId == agreement.Id, cancellationToken))
            {
                await PayFirstHalvesAsync(scope, agreement, instalments, homeUser, clinicUser, now, cancellationToken);
            }
        }

        foreach (var (agreement, _) in agreements)
        {
            if (await LeaveOneUnconfirmedAsync(scope, agreement, clinicUser, now, cancellationToken))
            {
                break;
            }
        }
    }

    private static async Task PayFirstHalvesAsync(
        SeedingScope scope, Agreement agreement, IReadOnlyList<FeeInstalment> instalments, Guid homeUser, Guid clinicUser,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var workflow = scope.Services.GetRequiredService<FeesWorkflow>();
        var today = BeijingTime.Today(now);
        var effective = BeijingTime.DateOf(agreement.EffectiveAtUtc!.Value);
        foreach (var instalment in instalments.Where(i => i.Half == InstalmentHalf.First && i.PeriodStart <= today))
        {
            var paidOn = Max(instalment.PeriodStart.AddDays(10), effective);
            paidOn = paidOn > today ? today : paidOn;
            var paidAt = Min(BeijingTime.StartOfDayUtc(paidOn).AddHours(3), now);
            var entry = new PaymentEntry(
                instalment.Year, instalment.Half, paidOn, instalment.Amount.Yuan, PaymentMethod.BankTransfer,
                $"转账流水 {paidOn:yyyyMMdd}-{instalment.Year:00}", null);
            var outcome = await workflow.RecordAsync(agreement, entry, AgreementActor.ElderCare(homeUser, paidAt), cancellationToken);
            if (outcome.Payment is { } payment)
            {
                await workflow.AnswerAsync(agreement, payment.Id, AgreementActor.Medical(clinicUser, Min(paidAt.AddDays(3), now)), null, cancellationToken);
            }
        }
    }

    /// <summary>One delivery recorded a week past the window and never answered: the page and the to-do flag it.</summary>
    private static async Task<bool> LeaveOneUnconfirmedAsync(
        SeedingScope scope, Agreement agreement, Guid clinicUser, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var days = await db.Tenants.Where(t => t.Id == agreement.TenantId).Select(t => t.ServiceConfirmationDays).SingleAsync(cancellationToken);
        var cutoff = ConfirmationWindow.Cutoff(now, days);
        if (await db.ServiceRecords.Where(r => r.AgreementId == agreement.Id).AnyAsync(ConfirmationWindow.Overdue(cutoff), cancellationToken))
        {
            return true;
        }

        var item = agreement.IncludedItems.FirstOrDefault(i => i.Frequency > 0 && i.Clause is null);
        var roster = await db.StaffMembers.Where(s => s.MedicalInstitutionId == agreement.MedicalInstitutionId && s.IsActive)
            .OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var recordedAt = cutoff.AddDays(-7);
        var day = BeijingTime.DateOf(recordedAt).AddDays(-1);
        if (item is null || roster.Count == 0 || agreement.ServiceDays() is not { } term || day < term.From || day > term.To)
        {
            return false;
        }

        var workflow = scope.Services.GetRequiredService<FulfilmentWorkflow>();
        foreach (var staff in roster)
        {
            var delivery = new ServiceDelivery(item.Id, day, staff.Id, 15, 60, null);
            var outcome = await workflow.RecordAsync(agreement, delivery, AgreementActor.Medical(clinicUser, recordedAt), null, cancellationToken);
            if (outcome.Saved)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<Guid?> FirstUserAsync(
        SeedingScope scope, System.Linq.Expressions.Expression<Func<Infrastructure.Identity.PortalUser, bool>> which, CancellationToken cancellationToken) =>
        scope.Db.Users.Where(which).OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
