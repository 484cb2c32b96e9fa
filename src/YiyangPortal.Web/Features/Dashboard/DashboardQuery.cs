using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Dashboard;

/// <summary>One bureau's filings in one county, by state; 逾期 counted apart from 待报送.</summary>
/// <param name="FirstSubmitted">Filings submitted at all; <paramref name="OnTime"/> of them by their due date.</param>
/// <param name="Pending">待报送 and not overdue; <paramref name="Returned"/>: 需补正 and not overdue; an overdue one is
/// counted under <paramref name="Overdue"/> only (<see cref="FilingTurn.ShownAs"/>, as the list's tabs count).</param>
/// <param name="NeverSubmittedOverdue">Of <paramref name="Overdue"/>, those never submitted (a 需补正 past its correction
/// deadline was submitted, and counts in <paramref name="FirstSubmitted"/>).</param>
public sealed record FilingFigures(
    int Pending, int Overdue, int Submitted, int Accepted, int Returned, double? AverageDaysToFile, int FirstSubmitted = 0, int OnTime = 0,
    int NeverSubmittedOverdue = 0)
{
    public int Total => Pending + Overdue + Submitted + Accepted + Returned;

    /// <summary>按时备案率 (<see cref="FilingPunctuality"/>).</summary>
    public double? OnTimeRate => FilingPunctuality.Rate(OnTime, FirstSubmitted, NeverSubmittedOverdue);
}

public sealed record CountyFigures(Guid CountyId, string County, CoverageCounts Coverage, FilingFigures Filings);

/// <summary>A 养老机构 not signed, or signed without a 基层 partner (绍市民〔2024〕6号 二.1).</summary>
public sealed record UncoveredHome(string County, string Name, int Agreements, bool HasInternalMedical);

/// <param name="Deadline">The deadline it is overdue against: the correction deadline of a 需补正, else the due date
/// (<see cref="FilingTurn.WithDeadline"/>).</param>
public sealed record OverdueRow(Guid FilingId, string DocumentNumber, string ElderCare, string County, DateOnly Deadline, bool Correction);

/// <summary>
/// The regulator dashboard in three aggregate statements (coverage, filings by state, the overdue list), each one
/// pass over an index or a small table, so it stays fast at national scale (docs/performance.md). Runs on the request's
/// connection: row-level security keeps it inside the tenant even though it is raw SQL.
/// </summary>
public sealed class DashboardQuery(PortalDbContext db)
{
    // elder_care_coverage_totals is kept by triggers (CoverageTotals): a few rows per county, whatever the number of
    // institutions; the 基层 partners behind it come from elder_care_coverage (CoverageTracking).
    private const string CoverageSql = """
        SELECT t.county_id,
            coalesce(sum(t.institutions) FILTER (WHERE t.kind = 'NursingHome'), 0)::int,
            coalesce(sum(t.signed) FILTER (WHERE t.kind = 'NursingHome'), 0)::int,
            coalesce(sum(t.with_primary) FILTER (WHERE t.kind = 'NursingHome'), 0)::int,
            coalesce(sum(t.providing_medical) FILTER (WHERE t.kind = 'NursingHome'), 0)::int,
            coalesce(sum(t.large_without_internal) FILTER (WHERE t.kind = 'NursingHome'), 0)::int,
            coalesce(sum(t.institutions) FILTER (WHERE t.kind = 'CommunityHomeCare'), 0)::int,
            coalesce(sum(t.signed) FILTER (WHERE t.kind = 'CommunityHomeCare'), 0)::int,
            coalesce(sum(t.institutions) FILTER (WHERE t.kind = 'DayCare'), 0)::int,
            coalesce(sum(t.signed) FILTER (WHERE t.kind = 'DayCare'), 0)::int
        FROM elder_care_coverage_totals t
        WHERE t.tenant_id = @tenant AND (@county::uuid IS NULL OR t.county_id = @county)
        GROUP BY t.county_id
        """;

    // 绍市民〔2024〕6号 二.1: every 备案 养老机构 signs with at least one 基层 partner; these have none (yet). Unsigned
    // homes come first, walked per county on the (tenant, county, name) index, so the page's first 50 read a few hundred
    // rows, not every home; then the few signed without a 基层 partner. LIMIT NULL (the export) is no limit.
    private const string UncoveredSql = """
        SELECT county, name, agreements, internal FROM (
            SELECT co.division_code, co.name AS county, u.name, 0 AS agreements, u.has_internal_medical_institution AS internal
            FROM counties co CROSS JOIN LATERAL (
                SELECT e.name, e.has_internal_medical_institution FROM elder_care_institutions e
                WHERE e.tenant_id = @tenant AND e.county_id = co.id AND e.kind = 'NursingHome' AND e.is_active
                    AND NOT EXISTS (SELECT FROM elder_care_coverage c WHERE c.elder_care_institution_id = e.id AND c.effective_agreements > 0)
                ORDER BY e.name LIMIT @limit) u
            WHERE co.tenant_id = @tenant AND (@county::uuid IS NULL OR co.id = @county)
            UNION ALL
            SELECT co.division_code, co.name, e.name, c.effective_agreements, e.has_internal_medical_institution
            FROM elder_care_coverage c
                JOIN elder_care_institutions e ON e.id = c.elder_care_institution_id
                JOIN counties co ON co.id = e.county_id
            WHERE c.tenant_id = @tenant AND c.effective_agreements > 0 AND c.primary_level_agreements = 0
                AND e.kind = 'NursingHome' AND e.is_active AND (@county::uuid IS NULL OR e.county_id = @county)) x
        ORDER BY division_code, agreements, name
        LIMIT @limit
        """;

    // filing_totals is kept by a trigger (FilingTotals): a few thousand rows per bureau, whatever the number of filings.
    // The states are FilingTurn.ShownAs over those totals, as the list's tabs filter: 逾期 is FilingTurn.OverdueOn
    // (待报送 past the due date, or 需补正 past the correction deadline: the totals keep a 需补正 filing under its
    // correction deadline, FilingTotals), and 待报送 and 需补正 are the rest of each.
    private const string FilingSql = """
        SELECT t.county_id,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Pending' AND t.due_date >= @today), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status IN ('Pending', 'Returned') AND t.due_date < @today), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Submitted'), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Accepted'), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Returned' AND t.due_date >= @today), 0)::int,
            (sum(t.days_to_file) / nullif(sum(t.submitted), 0))::float8,
            coalesce(sum(t.submitted), 0)::int,
            coalesce(sum(t.on_time), 0)::int,
            coalesce(sum(t.filings) FILTER (WHERE t.status = 'Pending' AND t.due_date < @today), 0)::int
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
            var scope = new Scope(tenantId, bureau, countyId, today);
            var coverage = await ReadAsync(CoverageSql, scope, r => (r.GetGuid(0),
                new CoverageCounts(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
                    r.GetInt32(7), r.GetInt32(8), r.GetInt32(9))), cancellationToken);
            var filings = await ReadAsync(FilingSql, scope, r => (r.GetGuid(0),
                new FilingFigures(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                    r.IsDBNull(6) ? null : r.GetDouble(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9))), cancellationToken);
            var overdue = await OverdueAsync(bureau, countyId, today, cancellationToken);
            var coverageBy = coverage.ToDictionary(p => p.Item1, p => p.Item2);
            var filingsBy = filings.ToDictionary(p => p.Item1, p => p.Item2);
            var rows = counties.ConvertAll(c => new CountyFigures(
                c.Id, c.Name, coverageBy.GetValueOrDefault(c.Id, CoverageCounts.None),
                filingsBy.GetValueOrDefault(c.Id, new FilingFigures(0, 0, 0, 0, 0, null))));
            return (rows, overdue);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The 养老机构 of the scope without a 基层 partner in force, by county (the named list; exportable): all of them, or
    /// the first <paramref name="limit"/> (the page shows a few; their number comes from the coverage totals).
    /// </summary>
    public async Task<IReadOnlyList<UncoveredHome>> UncoveredAsync(
        Guid tenantId, Guid? countyId, int? limit, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadAsync(UncoveredSql, new Scope(tenantId, Bureau.CivilAffairs, countyId, default, limit), r =>
                new UncoveredHome(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3)), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The 20 longest overdue, by the filings' own rule (<see cref="FilingTurn.OverdueOn"/>), as the list links to, each
    /// against the deadline it missed (<see cref="FilingTurn.WithDeadline"/>: a 需补正's correction deadline).
    /// </summary>
    private async Task<List<OverdueRow>> OverdueAsync(Bureau bureau, Guid? countyId, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.Filings.AsNoTracking().Where(FilingTurn.OverdueOn(today))
                              .Where(f => f.Bureau == bureau && (countyId == null || f.CountyId == countyId))
                              .Select(FilingTurn.WithDeadline)
                          join a in db.Agreements on f.Filing.AgreementId equals a.Id
                          join e in db.ElderCareInstitutions on a.ElderCareInstitutionId equals e.Id
                          join c in db.Counties on f.Filing.CountyId equals c.Id
                          orderby f.Deadline, a.DocumentNumber
                          select new { f.Filing.Id, a.DocumentNumber, e.Name, County = c.Name, f.Deadline, f.Filing.Status })
            .Take(20)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new OverdueRow(r.Id, r.DocumentNumber, r.Name, r.County, r.Deadline, r.Status == FilingStatus.Returned));
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Scope scope, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("tenant", scope.TenantId);
        command.Parameters.AddWithValue("bureau", scope.Bureau.ToString());
        command.Parameters.Add(new NpgsqlParameter("county", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.CountyId ?? DBNull.Value });
        command.Parameters.AddWithValue("today", scope.Today);
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)scope.Limit ?? DBNull.Value });
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The parameters every statement of the dashboard is given (each uses those it needs).</summary>
    private sealed record Scope(Guid TenantId, Bureau Bureau, Guid? CountyId, DateOnly Today, int? Limit = null);
}
