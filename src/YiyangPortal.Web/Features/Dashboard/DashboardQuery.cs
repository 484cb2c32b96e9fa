using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Dashboard;

/// <summary>Coverage of the policy targets in one county (Shaoxing: every 养老机构 signed, one partner 基层; Wenzhou rates).</summary>
public sealed record CoverageFigures(
    int NursingHomes, int NursingHomesSigned, int NursingHomesWithPrimary, int LargeWithoutInternalMedical,
    int CommunityOrgs, int CommunityOrgsSigned);

/// <summary>One bureau's filings in one county, by state; 逾期 counted apart from 待报送.</summary>
public sealed record FilingFigures(int Pending, int Overdue, int Submitted, int Accepted, int Returned, double? AverageDaysToFile)
{
    public int Total => Pending + Overdue + Submitted + Accepted + Returned;
}

public sealed record CountyFigures(Guid CountyId, string County, CoverageFigures Coverage, FilingFigures Filings);

public sealed record OverdueRow(Guid FilingId, string DocumentNumber, string ElderCare, string County, DateOnly DueDate);

/// <summary>
/// The regulator dashboard in three aggregate statements (coverage, filings by state, the overdue list), each one
/// pass over an index or a small table, so it stays fast at national scale (docs/performance.md). Runs on the request's
/// connection: row-level security keeps it inside the tenant even though it is raw SQL.
/// </summary>
public sealed class DashboardQuery(PortalDbContext db)
{
    // elder_care_coverage is kept by triggers (CoverageTracking): no join of agreements to medical institutions here.
    private const string CoverageSql = """
        SELECT e.county_id,
            count(*) FILTER (WHERE e.kind = 'NursingHome')::int,
            count(*) FILTER (WHERE e.kind = 'NursingHome' AND c.effective_agreements > 0)::int,
            count(*) FILTER (WHERE e.kind = 'NursingHome' AND c.primary_level_agreements > 0)::int,
            count(*) FILTER (WHERE e.kind = 'NursingHome' AND e.residents >= 50 AND NOT e.has_internal_medical_institution)::int,
            count(*) FILTER (WHERE e.kind = 'CommunityHomeCare')::int,
            count(*) FILTER (WHERE e.kind = 'CommunityHomeCare' AND c.effective_agreements > 0)::int
        FROM elder_care_institutions e LEFT JOIN elder_care_coverage c ON c.elder_care_institution_id = e.id
        WHERE e.tenant_id = @tenant AND e.is_active AND (@county::uuid IS NULL OR e.county_id = @county)
        GROUP BY e.county_id
        """;

    // filing_totals is kept by a trigger (FilingTotals): a few thousand rows per bureau, whatever the number of filings.
    // 逾期 here is FilingTurn.OverdueOn over those totals: status Pending and due date before today.
    private const string FilingSql = """
        SELECT t.county_id,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Pending' AND t.due_date >= @today), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Pending' AND t.due_date < @today), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Submitted'), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Accepted'), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Returned'), 0)::int,
            (sum(t.days_to_file) / nullif(sum(t.submitted), 0))::float8
        FROM filing_totals t
        WHERE t.tenant_id = @tenant AND t.bureau = @bureau AND (@county::uuid IS NULL OR t.county_id = @county)
        GROUP BY t.county_id
        """;

    public async Task<(IReadOnlyList<CountyFigures> Counties, IReadOnlyList<OverdueRow> Overdue)> LoadAsync(
        Guid tenantId, Bureau bureau, Guid? countyId, DateOnly today, CancellationToken cancellationToken)
    {
        var counties = await db.Counties.AsNoTracking().Where(c => countyId == null || c.Id == countyId)
            .OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var coverage = await ReadAsync(CoverageSql, tenantId, bureau, countyId, today, r => (r.GetGuid(0),
                new CoverageFigures(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6))), cancellationToken);
            var filings = await ReadAsync(FilingSql, tenantId, bureau, countyId, today, r => (r.GetGuid(0),
                new FilingFigures(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetDouble(6))), cancellationToken);
            var overdue = await OverdueAsync(bureau, countyId, today, cancellationToken);
            var coverageBy = coverage.ToDictionary(p => p.Item1, p => p.Item2);
            var filingsBy = filings.ToDictionary(p => p.Item1, p => p.Item2);
            var rows = counties.ConvertAll(c => new CountyFigures(
                c.Id, c.Name, coverageBy.GetValueOrDefault(c.Id, new CoverageFigures(0, 0, 0, 0, 0, 0)),
                filingsBy.GetValueOrDefault(c.Id, new FilingFigures(0, 0, 0, 0, 0, null))));
            return (rows, overdue);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The 20 longest overdue, by the filings' own rule (<see cref="FilingTurn.OverdueOn"/>), as the list links to.</summary>
    private Task<List<OverdueRow>> OverdueAsync(Bureau bureau, Guid? countyId, DateOnly today, CancellationToken cancellationToken) =>
        (from f in db.Filings.AsNoTracking().Where(FilingTurn.OverdueOn(today))
         where f.Bureau == bureau && (countyId == null || f.CountyId == countyId)
         join a in db.Agreements on f.AgreementId equals a.Id
         join e in db.ElderCareInstitutions on a.ElderCareInstitutionId equals e.Id
         join c in db.Counties on f.CountyId equals c.Id
         orderby f.DueDate, a.DocumentNumber
         select new OverdueRow(f.Id, a.DocumentNumber, e.Name, c.Name, f.DueDate))
        .Take(20)
        .ToListAsync(cancellationToken);

    private async Task<List<T>> ReadAsync<T>(
        string sql, Guid tenantId, Bureau bureau, Guid? countyId, DateOnly today, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("bureau", bureau.ToString());
        command.Parameters.Add(new NpgsqlParameter("county", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)countyId ?? DBNull.Value });
        command.Parameters.AddWithValue("today", today);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
