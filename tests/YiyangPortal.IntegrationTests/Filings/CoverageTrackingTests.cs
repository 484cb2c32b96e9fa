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

    [Fact]
    public async Task CoverageTotals_MatchADirectCount_AfterInstitutionsAndAgreementsChange()
    {
        Assert.Equal(0, await TotalsMismatchesAsync()); // the demo city, built through the workflow
        var home = await TestData.NewElderCareAsync(app, "越城区");
        var dayCare = await TestData.NewElderCareAsync(app, "柯桥区", ElderCareInstitutionKind.DayCare, residents: 0);
        var clinic = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.CommunityHealthCenter);
        var hospital = await TestData.NewMedicalAsync(app, "越城区", MedicalInstitutionKind.GeneralHospital);
        var now = DateTimeOffset.UtcNow;
        var withClinic = await TestData.AgreementAsync(app, TestData.Effective(home.Id, clinic.Id, now));
        await TestData.AgreementAsync(app, TestData.Effective(dayCare.Id, hospital.Id, now, AgreementTemplate.MedicalElderCareConsortium));
        Assert.Equal(0, await TotalsMismatchesAsync());

        string[] changes =
        [
            $"UPDATE medical_institutions SET kind = 'GeneralHospital' WHERE id = '{clinic.Id}'", // 基层 partner lost
            $"UPDATE medical_institutions SET kind = 'CommunityHealthCenter' WHERE id = '{clinic.Id}'", // and back
            $"UPDATE elder_care_institutions SET kind = 'CommunityHomeCare', residents = 0, county_id = "
                + $"(SELECT id FROM counties WHERE name = '柯桥区') WHERE id = '{home.Id}'",
            $"UPDATE elder_care_institutions SET kind = 'NursingHome', residents = 80 WHERE id = '{dayCare.Id}'",
            $"UPDATE elder_care_institutions SET has_internal_medical_institution = true WHERE id = '{dayCare.Id}'",
            $"UPDATE elder_care_institutions SET is_active = false WHERE id = '{home.Id}'",
            $"UPDATE agreements SET status = 'Terminated' WHERE id = '{withClinic.Id}'",
            $"UPDATE elder_care_institutions SET is_active = true WHERE id = '{home.Id}'",
            "INSERT INTO elder_care_institutions (id, tenant_id, county_id, name, kind, address, beds, residents, "
                + "has_internal_medical_institution, is_active, registration_number) SELECT '00000000-0000-0000-0000-0000000000e1', "
                + "tenant_id, id, '测试删除养老院', 'NursingHome', '测试路 1 号', 90, 70, false, true, 'TEST-DEL-1' FROM counties WHERE name = '越城区'",
            "DELETE FROM elder_care_institutions WHERE id = '00000000-0000-0000-0000-0000000000e1'",
        ];
        foreach (var change in changes)
        {
            await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Database.ExecuteSqlRawAsync(change));
            Assert.True(await TotalsMismatchesAsync() == 0, $"totals differ from a direct count after: {change}");
        }
    }

    /// <summary>Rows of elder_care_coverage_totals that differ from counting the institutions and their agreements now.</summary>
    private Task<int> TotalsMismatchesAsync()
    {
        var primary = string.Join(", ", MedicalInstitutionKindRules.PrimaryLevelKinds.Select(k => $"'{k}'"));
        var sql = $"""
            WITH coverage AS (
                SELECT a.elder_care_institution_id AS id, count(*) AS effective, count(*) FILTER (WHERE m.kind IN ({primary})) AS primary_level
                FROM agreements a JOIN medical_institutions m ON m.id = a.medical_institution_id
                WHERE a.status = 'Effective' GROUP BY 1),
            direct AS (
                SELECT e.county_id, e.kind, count(*)::int AS institutions,
                    count(*) FILTER (WHERE c.effective > 0)::int AS signed,
                    count(*) FILTER (WHERE c.primary_level > 0)::int AS with_primary,
                    count(*) FILTER (WHERE e.has_internal_medical_institution OR c.effective > 0)::int AS providing_medical,
                    count(*) FILTER (WHERE e.residents >= 50 AND NOT e.has_internal_medical_institution)::int AS large_without_internal
                FROM elder_care_institutions e LEFT JOIN coverage c ON c.id = e.id
                WHERE e.is_active GROUP BY 1, 2),
            totals AS (
                SELECT county_id, kind, institutions, signed, with_primary, providing_medical, large_without_internal
                FROM elder_care_coverage_totals
                WHERE (institutions, signed, with_primary, providing_medical, large_without_internal) <> (0, 0, 0, 0, 0))
            SELECT count(*)::int AS "Value" FROM (
                (SELECT * FROM direct EXCEPT SELECT * FROM totals) UNION ALL (SELECT * FROM totals EXCEPT SELECT * FROM direct)) x
            """;
        return TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Database.SqlQueryRaw<int>(sql).SingleAsync());
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
