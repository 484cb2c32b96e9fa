using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Dashboard;

public sealed record DashboardPage(
    Bureau Bureau, string Scope, IReadOnlyList<CountyFigures> Counties, CountyFigures Total, IReadOnlyList<OverdueRow> Overdue, DateOnly Today);

/// <summary>
/// 统计分析: filings by state, the overdue list, days from signing to filing, and coverage of the policy targets,
/// per county and for the city. A county regulator sees its county; a city-level one every county (scope from the
/// cookie). Filing figures are the regulator's own bureau's; coverage is the same for both bureaus.
/// </summary>
[Authorize(Roles = nameof(PortalRole.Regulator))]
[Route("regulator/dashboard")]
public sealed class DashboardController(DashboardQuery query, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/Dashboard/Index.cshtml", await LoadAsync(cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(string format = "xlsx", CancellationToken cancellationToken = default)
    {
        var page = await LoadAsync(cancellationToken);
        var rows = page.Counties.Append(page.Total).Select(DashboardSheet.Row).ToList();
        using var buffer = new MemoryStream();
        var csv = format == "csv";
        if (csv) { TabularFile.WriteCsv(buffer, DashboardSheet.Headers, rows); } else { TabularFile.WriteXlsx(buffer, DashboardSheet.Headers, rows); }
        return File(
            buffer.ToArray(),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"dashboard-{page.Today:yyyyMMdd}.{(csv ? "csv" : "xlsx")}"));
    }

    private async Task<DashboardPage> LoadAsync(CancellationToken cancellationToken)
    {
        var me = Me;
        var today = clock.TodayInBeijing();
        var (counties, overdue) = await query.LoadAsync(TenantId, me.Bureau!.Value, me.CountyId, today, cancellationToken);
        var scope = me.CountyId is not null && counties.Count == 1 ? counties[0].County : "全市";
        return new DashboardPage(me.Bureau.Value, scope, counties, DashboardSheet.Sum(scope == "全市" ? "全市合计" : "合计", counties), overdue, today);
    }
}
