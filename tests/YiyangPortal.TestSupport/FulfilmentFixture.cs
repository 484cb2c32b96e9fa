using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Fulfilment;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.TestSupport;

/// <summary>A stored plan line as the tests read it.</summary>
public sealed record StoredLine(
    Guid AgreementItemId, DateOnly PeriodStart, DateOnly PeriodEnd, int Agreed, int Confirmed, int Pending, int Disputed, bool PreviousShort);

/// <summary>Agreements in force with monthly items, and fulfilment steps through <see cref="FulfilmentWorkflow"/>.</summary>
public static class FulfilmentFixture
{
    public static async Task<(TestParties Parties, Agreement Agreement, StaffMember Doctor)> InForceAsync(PortalAppFactory app, TestParties? parties = null)
    {
        parties ??= await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-100)));
        var doctor = new StaffMember(parties.TenantId, parties.ClinicId, "吴医生", ProfessionalTitle.Intermediate);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(doctor);
            return await db.SaveChangesAsync();
        });
        return (parties, agreement, doctor);
    }

    /// <summary>An item counted per month (年 and 季 lines end later).</summary>
    public static AgreementItem MonthlyItem(Agreement agreement) =>
        agreement.IncludedItems.First(i => i.Frequency > 0 && ServicePeriod.KindFor(i.Unit) == PeriodKind.Month);

    /// <summary>The first calendar month wholly inside the term.</summary>
    public static DateOnly FirstFullMonth(Agreement agreement)
    {
        var from = agreement.ServiceDays()!.Value.From;
        return from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
    }

    public static Task<List<StoredLine>> LinesAsync(PortalAppFactory app, TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db => db.Database.SqlQueryRaw<StoredLine>("""
            SELECT agreement_item_id, period_start, period_end, agreed,
                confirmed, pending, disputed, previous_short
            FROM fulfilment_totals WHERE agreement_id = {0}
            """, agreementId).ToListAsync());

    public static Task<ServiceRecord> RecordAsync(
        PortalAppFactory app, TestParties parties, Agreement agreement, AgreementItem item, StaffMember staff, DateOnly day, Guid? correcting = null) =>
        TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await LoadAsync(db, agreement.Id);
            var outcome = await new FulfilmentWorkflow(db).RecordAsync(
                loaded, new ServiceDelivery(item.Id, day, staff.Id, 10, 60, null),
                AgreementActor.Medical(parties.ClinicUserId, DateTimeOffset.UtcNow), correcting, CancellationToken.None);
            Assert.True(outcome.Saved, string.Join("; ", outcome.Problems.Select(p => p.Text.ToString())));
            return outcome.Record!;
        });

    public static Task<ServiceRecord> AnswerAsync(PortalAppFactory app, TestParties parties, Agreement agreement, Guid recordId, string? dispute) =>
        TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await LoadAsync(db, agreement.Id);
            var outcome = await new FulfilmentWorkflow(db).AnswerAsync(
                loaded, recordId, AgreementActor.ElderCare(parties.StaffUserId, DateTimeOffset.UtcNow), dispute, CancellationToken.None);
            Assert.True(outcome.Saved, string.Join("; ", outcome.Problems.Select(p => p.Text.ToString())));
            return outcome.Record!;
        });

    /// <summary>
    /// A 补充协议 of <paramref name="original"/> that adds the catalogue item <paramref name="code"/> (at the clinic's
    /// price) and applies <paramref name="change"/>, then goes through review and both signatures, the second at
    /// <paramref name="at"/>, by the real workflow (<see cref="AgreementBuilder.SupplementAsync"/>, as the demo seeding
    /// makes one), so it comes into force on that Beijing day and re-syncs the original's stored plan — the
    /// integration sibling of the domain tests' SignedSupplement. Its filings wait for the parties.
    /// </summary>
    public static async Task<Agreement> SupplementAddingAsync(
        PortalAppFactory app, TestParties parties, Agreement original, string code, int frequency, DateTimeOffset at,
        Action<Agreement, AgreementActor>? change = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(original);
        await using var scope = await SeedingScope.OpenAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), parties.Tenant);
        var supplement = await scope.Builder.SupplementAsync(original.Id, new SupplementStory(at)
        {
            Adds = [(code, frequency)],
            Change = change,
            DocumentNumber = $"{original.DocumentNumber}-补{Guid.NewGuid():N}"[..40],
        });
        Assert.Equal(AgreementStatus.Effective, supplement.Status);
        return supplement;
    }

    private static Task<Agreement> LoadAsync(PortalDbContext db, Guid id) =>
        db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory).SingleAsync(a => a.Id == id);
}
