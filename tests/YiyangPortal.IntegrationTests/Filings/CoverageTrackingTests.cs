using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>The triggers behind the dashboard's coverage figures follow agreements and institution kinds exactly.</summary>
public class CoverageTrackingTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Coverage_FollowsTerminationsAndKindChanges()
    {
        var home = await TestData.NewElderCareAsync(app, "越城区");
        var community = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.CommunityHealthCenter);
        var township = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.TownshipHealthCenter);
        var hospital = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.GeneralHospital);
        var now = DateTimeOffset.UtcNow;
        var withCommunity = await TestData.AgreementAsync(app, TestData.Effective(home.Id, community.Id, now));
        await TestData.AgreementAsync(app, TestData.Effective(home.Id, township.Id, now));
        await TestData.AgreementAsync(app, TestData.Effective(home.Id, hospital.Id, now, AgreementTemplate.MedicalElderCareConsortium));
        Assert.Equal((3, 2), await CoverageAsync(home.Id));

        await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Database.ExecuteSqlAsync($"UPDATE medical_institutions SET kind = 'GeneralHospital' WHERE id = {township.Id}"));
        Assert.Equal((3, 1), await CoverageAsync(home.Id));

        await using (var scope = await SeedingScope.OpenAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), TestData.Shaoxing))
        {
            var agreement = await scope.Db.Agreements.Include(a => a.Events).SingleAsync(a => a.Id == withCommunity.Id);
            var staff = await scope.Db.Users.Where(u => u.UserName == home.Email).Select(u => u.Id).SingleAsync();
            // 单方通知 with no notice period left takes effect at once (2020 guide 六(二)).
            agreement.ProposeTermination(AgreementActor.ElderCare(staff, now), TerminationKind.Notice, "合作机构调整", BeijingTime.DateOf(now), 0);
            await scope.Agreements.SaveAsync(agreement, null);
        }

        Assert.Equal((2, 0), await CoverageAsync(home.Id));
    }

    [Fact]
    public async Task FilingTotals_MatchTheFilingsAfterEveryTransition()
    {
        // The demo city's filings went through submit, accept, return and resubmit (UPDATEs), on top of their INSERTs.
        var mismatches = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (
                SELECT bureau, county_id, status,
                    CASE WHEN status = 'Returned' THEN coalesce(correction_due_date, 'infinity'::date) ELSE due_date END,
                    count(*)::int AS n, count(first_submitted_at_utc)::int AS s,
                    count(*) FILTER (WHERE ((first_submitted_at_utc AT TIME ZONE 'UTC') + interval '8 hours')::date <= due_date)::int AS o
                FROM filings GROUP BY 1, 2, 3, 4
                EXCEPT SELECT bureau, county_id, status, due_date, filings, submitted, on_time FROM filing_totals WHERE filings <> 0) x
            """).SingleAsync());
        var stale = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM filing_totals WHERE filings < 0 OR submitted < 0").SingleAsync());

        Assert.Equal(0, mismatches);
        Assert.Equal(0, stale);
    }

    private Task<(int Effective, int PrimaryLevel)> CoverageAsync(Guid home) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var row = await db.Database.SqlQuery<CoverageRow>($"""
                SELECT c.effective_agreements, c.primary_level_agreements FROM elder_care_coverage c
                WHERE c.elder_care_institution_id = {home}
                """).SingleAsync();
            return (row.EffectiveAgreements, row.PrimaryLevelAgreements);
        });

    private sealed record CoverageRow(int EffectiveAgreements, int PrimaryLevelAgreements);
}
