using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Dashboard;

public sealed record DashboardPage(
    Bureau Bureau, string Scope, IReadOnlyList<CountyFigures> Counties, CountyFigures Total, IReadOnlyList<OverdueRow> Overdue, DateOnly Today)
{
    /// <summary>The tenant's targets (issue 11 point 7), by deadline.</summary>
    public IReadOnlyList<CoverageTarget> Targets { get; init; } = [];

    /// <summary>The first <see cref="UncoveredShown"/> 养老机构 without a 基层 partner in force, by county.</summary>
    public IReadOnlyList<UncoveredHome> Uncovered { get; init; } = [];

    /// <summary>How many 养老机构 have no 基层 partner in force: the same homes the list names (the export has them all).</summary>
    public int UncoveredCount => Total.Coverage.NursingHomes - Total.Coverage.NursingHomesWithPrimary;

    public const int UncoveredShown = 50;
}

/// <summary>
/// 统计分析: filings by state, the overdue list, days from signing to filing, and coverage of the policy targets,
/// per county and for the city. A county regulator sees its county; a city-level one every county (scope from the
/// cookie). Filing figures are the regulator's own bureau's; coverage is the same for both bureaus.
/// </summary>
[Authorize(Policy = PortalPolicies.Regulator)]
[Route("regulator/dashboard")]
public sealed class DashboardController(DashboardQuery query, PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/Dashboard/Index.cshtml", await LoadAsync(cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(string format = "xlsx", CancellationToken cancellationToken = default)
    {
        var page = await LoadAsync(cancellationToken);
        return Sheet(format, "dashboard", page.Today, DashboardSheet.Headers, page.Counties.Append(page.Total).Select(DashboardSheet.Row));
    }

    /// <summary>The named list of 养老机构 unsigned or without a 基层 partner (绍市民〔2024〕6号 二.1), per county.</summary>
    [HttpGet("uncovered")]
    public async Task<IActionResult> Uncovered(string format = "xlsx", CancellationToken cancellationToken = default)
    {
        var homes = await query.UncoveredAsync(TenantId, Me.CountyId, null, cancellationToken);
        return Sheet(format, "uncovered-homes", clock.TodayInBeijing(), DashboardSheet.UncoveredHeaders, homes.Select(DashboardSheet.Row));
    }

    private FileContentResult Sheet(
        string format, string name, DateOnly today, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        var csv = format == "csv";
        if (csv) { TabularFile.WriteCsv(buffer, headers, rows); } else { TabularFile.WriteXlsx(buffer, headers, rows); }
        return File(
            buffer.ToArray(),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"{name}-{today:yyyyMMdd}.{(csv ? "csv" : "xlsx")}"));
    }

    private async Task<DashboardPage> LoadAsync(CancellationToken cancellationToken)
    {
        var me = Me;
        var today = clock.TodayInBeijing();
        var (counties, overdue) = await query.LoadAsync(TenantId, me.Bureau!.Value, me.CountyId, today, cancellationToken);
        var scope = me.CountyId is not null && counties.Count == 1 ? counties[0].County : "全市";
        var targets = await db.CoverageTargets.AsNoTracking().OrderBy(t => t.Deadline).ThenBy(t => t.Measure).ToListAsync(cancellationToken);
        var uncovered = await query.UncoveredAsync(TenantId, me.CountyId, DashboardPage.UncoveredShown, cancellationToken);
        return new DashboardPage(me.Bureau.Value, scope, counties, DashboardSheet.Sum(scope == "全市" ? "全市合计" : "合计", counties), overdue, today)
        {
            Targets = targets,
            Uncovered = uncovered,
        };
    }
}
