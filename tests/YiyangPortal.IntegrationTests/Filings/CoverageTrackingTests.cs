using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>The triggers behind the dashboard's coverage figures follow agreements and institution kinds exactly.</summary>
public class CoverageTrackingTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Coverage_FollowsTerminationsAndKindChanges()
    {
        // Demo: 福乐养老院 has three effective agreements, two with 基层 partners (塔山 CHC, 平水镇 THC).
        Assert.Equal((3, 2), await CoverageAsync());

        await FilingData.InTenantAsync(app, "shaoxing", db =>
            db.Database.ExecuteSqlRawAsync("UPDATE medical_institutions SET kind = 'GeneralHospital' WHERE name = '柯桥区平水镇卫生院'"));
        Assert.Equal((3, 1), await CoverageAsync());

        await FilingData.InTenantAsync(app, "shaoxing", async db =>
        {
            var agreement = await db.Agreements.SingleAsync(a => a.DocumentNumber == "SX-DEMO-F001");
            var staff = await db.Users.Where(u => u.UserName == "staff@shaoxing.demo").Select(u => u.Id).SingleAsync();
            agreement.Terminate(AgreementActor.ElderCare(staff, DateTimeOffset.UtcNow), "合作机构调整", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
            return await db.SaveChangesAsync();
        });
        Assert.Equal((2, 0), await CoverageAsync());
    }

    [Fact]
    public async Task FilingTotals_MatchTheFilingsAfterEveryTransition()
    {
        // The demo filings went through submit, accept and return (UPDATEs), on top of their INSERTs.
        var mismatches = await FilingData.InTenantAsync(app, "shaoxing", db => db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (
                SELECT bureau, county_id, status, due_date, count(*)::int AS n, count(first_submitted_at_utc)::int AS s FROM filings GROUP BY 1, 2, 3, 4
                EXCEPT SELECT bureau, county_id, status, due_date, filings, submitted FROM filing_totals WHERE filings <> 0) x
            """).SingleAsync());
        var stale = await FilingData.InTenantAsync(app, "shaoxing", db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM filing_totals WHERE filings < 0 OR submitted < 0").SingleAsync());

        Assert.Equal(0, mismatches);
        Assert.Equal(0, stale);
    }

    private Task<(int Effective, int PrimaryLevel)> CoverageAsync() =>
        FilingData.InTenantAsync(app, "shaoxing", async db =>
        {
            var row = await db.Database.SqlQueryRaw<CoverageRow>("""
                SELECT c.effective_agreements, c.primary_level_agreements FROM elder_care_coverage c
                JOIN elder_care_institutions e ON e.id = c.elder_care_institution_id WHERE e.name = '越城区福乐养老院'
                """).SingleAsync();
            return (row.EffectiveAgreements, row.PrimaryLevelAgreements);
        });

    private sealed record CoverageRow(int EffectiveAgreements, int PrimaryLevelAgreements);
}
