using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.FulfilmentOversight;

/// <summary>Summed plan lines of ended periods: agreed, delivered (confirmed, at most agreed per line), the rest apart.</summary>
public sealed record FulfilmentFigures(int Lines, int ShortLines, long Agreed, long Delivered, long Confirmed, long Pending, long Disputed)
{
    public static readonly FulfilmentFigures None = new(0, 0, 0, 0, 0, 0, 0);

    public double? Rate => FulfilmentRate.Of(Delivered, Agreed);

    public static FulfilmentFigures operator +(FulfilmentFigures a, FulfilmentFigures b) => new(
        a.Lines + b.Lines, a.ShortLines + b.ShortLines, a.Agreed + b.Agreed, a.Delivered + b.Delivered,
        a.Confirmed + b.Confirmed, a.Pending + b.Pending, a.Disputed + b.Disputed);
}

/// <summary>One row of the page: a county or an institution.</summary>
public sealed record FulfilmentRow(Guid Id, string Name, FulfilmentFigures Figures);

/// <summary>A plan line short in its period and in the period before (连续两期未完成).</summary>
public sealed record ShortRunning(
    Guid AgreementId, string DocumentNumber, string ElderCare, string Medical, string Item,
    DateOnly PreviousStart, DateOnly Start, DateOnly End, int Agreed, int Confirmed);

/// <summary>
/// The regulators' fulfilment figures from the trigger-kept totals (ADR 034): per county from
/// <c>fulfilment_county_totals</c>, per institution of one county from <c>fulfilment_institution_totals</c>, the lines
/// short two periods running from a partial index of <c>fulfilment_totals</c>. The bureau picks the side: 民政 reads the
/// elder-care institutions (and their counties), 卫健 the medical ones. Raw SQL on the request's connection, under
/// row-level security like <see cref="Dashboard.DashboardQuery"/>.
/// </summary>
public sealed class FulfilmentOversightQuery(PortalDbContext db)
{
    public const int InstitutionsShown = 100;

    public const int ShortShown = 50;

    /// <summary>
    /// The count of lines short two periods running stops here (the page says 超过 1000 项; the export lists them all):
    /// at national scale a city has hundreds of thousands, and counting them exactly took seconds per request.
    /// </summary>
    public const int CountCap = 1000;

    private const string Sums = """
        sum(t.lines)::int, sum(t.short_lines)::int, sum(t.agreed)::bigint, sum(t.delivered)::bigint,
        sum(t.confirmed)::bigint, sum(t.pending)::bigint, sum(t.disputed)::bigint
        """;

    private const string CountySql = $"""
        SELECT t.county_id, {Sums}
        FROM fulfilment_county_totals t
        WHERE t.tenant_id = @tenant AND t.side = @side AND t.month BETWEEN @from AND @to AND (@county::uuid IS NULL OR t.county_id = @county)
        GROUP BY t.county_id
        """;

    // Lowest rate first: the institutions a bureau should look at (ties by id, so the cut is stable), summed from the
    // covering index (ADR 034), then named from either register, by side.
    private const string InstitutionSql = $"""
        SELECT x.institution_id, coalesce(e.name, m.name, ''), x.lines, x.short_lines, x.agreed, x.delivered, x.confirmed, x.pending, x.disputed
        FROM (SELECT t.institution_id, {Sums}
              FROM fulfilment_institution_totals t
              WHERE t.tenant_id = @tenant AND t.side = @side AND t.county_id = @county AND t.month BETWEEN @from AND @to
              GROUP BY t.institution_id
              ORDER BY sum(t.delivered)::float8 / nullif(sum(t.agreed), 0) NULLS LAST, t.institution_id
              LIMIT @limit) x (institution_id, lines, short_lines, agreed, delivered, confirmed, pending, disputed)
            LEFT JOIN elder_care_institutions e ON @side = 'ElderCare' AND e.id = x.institution_id
            LEFT JOIN medical_institutions m ON @side = 'Medical' AND m.id = x.institution_id
        ORDER BY x.delivered::float8 / nullif(x.agreed, 0) NULLS LAST, 2
        """;

    // The newest first, read from the partial index in its own order (the first @limit need no sort); then named.
    private static string ShortSql(string countyColumn, bool count) => count
        ? $"""
            SELECT count(*)::int FROM (
                SELECT FROM fulfilment_totals t
                WHERE t.tenant_id = @tenant AND t.confirmed < t.agreed AND t.previous_short
                    AND t.period_end BETWEEN @from AND @toDay AND (@county::uuid IS NULL OR t.{countyColumn} = @county)
                LIMIT {CountCap + 1}) x
            """
        : $"""
            SELECT t.agreement_id, a.document_number, e.name, m.name, i.name, p.period_start, t.period_start, t.period_end, t.agreed, t.confirmed
            FROM (SELECT t.* FROM fulfilment_totals t
                  WHERE t.tenant_id = @tenant AND t.confirmed < t.agreed AND t.previous_short
                      AND t.period_end BETWEEN @from AND @toDay AND (@county::uuid IS NULL OR t.{countyColumn} = @county)
                  ORDER BY t.period_end DESC, t.agreement_id DESC, t.agreement_item_id DESC
                  LIMIT @limit) t
                JOIN agreements a ON a.id = t.agreement_id
                JOIN agreement_items i ON i.id = t.agreement_item_id
                JOIN elder_care_institutions e ON e.id = t.elder_care_institution_id
                JOIN medical_institutions m ON m.id = t.medical_institution_id
                JOIN fulfilment_totals p ON p.agreement_item_id = t.agreement_item_id AND p.period_end + 1 = t.period_start
            ORDER BY t.period_end DESC, a.document_number, i.name
            """;

    public static string SideOf(Bureau bureau) => bureau == Bureau.Health ? "Medical" : "ElderCare";

    public async Task<IReadOnlyList<FulfilmentRow>> CountiesAsync(FulfilmentScope scope, CancellationToken cancellationToken)
    {
        var counties = await db.Counties.AsNoTracking().Where(c => scope.CountyId == null || c.Id == scope.CountyId)
            .OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var figures = (await ReadAsync(CountySql, scope, null, r => (r.GetGuid(0), Figures(r, 1)), cancellationToken))
            .ToDictionary(p => p.Item1, p => p.Item2);
        return counties.ConvertAll(c => new FulfilmentRow(c.Id, c.Name, figures.GetValueOrDefault(c.Id, FulfilmentFigures.None)));
    }

    /// <summary>The institutions of one county with plan lines in the range, lowest rate first (all of them for the export).</summary>
    public Task<List<FulfilmentRow>> InstitutionsAsync(FulfilmentScope scope, int? limit, CancellationToken cancellationToken) =>
        ReadAsync(InstitutionSql, scope, limit, r => new FulfilmentRow(r.GetGuid(0), r.GetString(1), Figures(r, 2)), cancellationToken);

    public async Task<(IReadOnlyList<ShortRunning> Rows, int Count)> ShortRunningAsync(
        FulfilmentScope scope, int? limit, CancellationToken cancellationToken)
    {
        var column = scope.Side == "Medical" ? "medical_county_id" : "elder_care_county_id";
        var rows = await ReadAsync(ShortSql(column, count: false), scope, limit, r => new ShortRunning(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), DateOnly.FromDateTime(r.GetDateTime(5)),
            DateOnly.FromDateTime(r.GetDateTime(6)), DateOnly.FromDateTime(r.GetDateTime(7)), r.GetInt32(8), r.GetInt32(9)), cancellationToken);
        var count = limit is null ? rows.Count : (await ReadAsync(ShortSql(column, count: true), scope, null, r => r.GetInt32(0), cancellationToken))[0];
        return (rows, count);
    }

    private static FulfilmentFigures Figures(DbDataReader r, int at) => new(
        r.GetInt32(at), r.GetInt32(at + 1), r.GetInt64(at + 2), r.GetInt64(at + 3), r.GetInt64(at + 4), r.GetInt64(at + 5), r.GetInt64(at + 6));

    private async Task<List<T>> ReadAsync<T>(string sql, FulfilmentScope scope, int? limit, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("tenant", scope.TenantId);
            command.Parameters.AddWithValue("side", scope.Side);
            command.Parameters.Add(new NpgsqlParameter("county", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.CountyId ?? DBNull.Value });
            command.Parameters.AddWithValue("from", scope.From);
            command.Parameters.AddWithValue("to", scope.To);
            command.Parameters.AddWithValue("toDay", scope.To.AddMonths(1).AddDays(-1));
            command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)limit ?? DBNull.Value });
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>
/// What the page reads: the tenant, the bureau's side, the county (a county regulator's own, or the one a city-level
/// regulator chose; null for the whole city) and the months, first days, both ends included.
/// </summary>
public sealed record FulfilmentScope(Guid TenantId, string Side, Guid? CountyId, DateOnly From, DateOnly To);
