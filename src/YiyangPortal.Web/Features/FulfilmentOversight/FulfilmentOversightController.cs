using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.FulfilmentOversight;

public sealed record FulfilmentOversightPage(
    Bureau Bureau, string Scope, FulfilmentScope Query, bool CityLevel, string? CountyName,
    IReadOnlyList<FulfilmentRow> Counties, IReadOnlyList<FulfilmentRow> Institutions, IReadOnlyList<ShortRunning> ShortRunning,
    int ShortRunningCount, DateOnly LastEndedMonth, DateOnly Today)
{
    public FulfilmentFigures Total => Counties.Aggregate(FulfilmentFigures.None, (sum, c) => sum + c.Figures);

    public string FromValue => Query.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ToValue => Query.To.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// 履约监管 (issue 15): 履约率 per county and per institution, pending and disputed apart, the lines short two periods
/// running, and the export. The scope is the regulator's binding (ADR 027): a county bureau sees its county whatever the
/// URL says; a city-level one the city, or one county it picks. Figures come from the totals (ADR 034).
/// </summary>
[Authorize(Policy = PortalPolicies.Regulator)]
[Route("regulator/fulfilment")]
public sealed class FulfilmentOversightController(FulfilmentOversightQuery query, PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to, Guid? county, CancellationToken cancellationToken) =>
        View("~/Features/FulfilmentOversight/Index.cshtml", await LoadAsync(from, to, county, FulfilmentOversightQuery.InstitutionsShown, cancellationToken));

    /// <summary>The page's table as XLSX: the counties (city), or the institutions of the county; <c>list=short</c> the lines short two periods running.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(string? from, string? to, Guid? county, string? list, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(from, to, county, null, cancellationToken);
        using var buffer = new MemoryStream();
        string name;
        if (list == "short")
        {
            var (rows, _) = await query.ShortRunningAsync(page.Query, null, cancellationToken);
            TabularFile.WriteXlsx(buffer, FulfilmentSheet.ShortHeaders, rows.Select(FulfilmentSheet.Row));
            name = "fulfilment-short";
        }
        else
        {
            var rows = page.Query.CountyId is null ? page.Counties : page.Institutions;
            var total = new FulfilmentRow(Guid.Empty, page.Query.CountyId is null ? "全市合计" : "合计", page.Total);
            TabularFile.WriteXlsx(buffer, FulfilmentSheet.Headers(page.Query.CountyId is null), rows.Append(total).Select(FulfilmentSheet.Row));
            name = "fulfilment";
        }

        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"{name}-{page.FromValue}-{page.ToValue}.xlsx"));
    }

    private async Task<FulfilmentOversightPage> LoadAsync(string? from, string? to, Guid? county, int? institutions, CancellationToken cancellationToken)
    {
        var me = Me;
        var today = clock.TodayInBeijing();

        // Only ended periods count: the rollups are by the month a period ends in, so the range ends with last month.
        var lastEnded = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var end = Month(to) is { } t && t <= lastEnded ? t : lastEnded;
        var start = Month(from) is { } f && f <= end ? f : new DateOnly(end.Year, 1, 1);

        // A county regulator's county is its binding's, never the URL's; a city-level one may pick a county of its city.
        var countyId = me.CountyId ?? (county is { } c && await db.Counties.AnyAsync(x => x.Id == c, cancellationToken) ? c : null);
        var scope = new FulfilmentScope(TenantId, FulfilmentOversightQuery.SideOf(me.Bureau!.Value), countyId, start, end);
        var counties = await query.CountiesAsync(scope, cancellationToken);
        var countyName = countyId is null ? null : counties.FirstOrDefault()?.Name;
        var rows = countyId is null ? [] : await query.InstitutionsAsync(scope, institutions, cancellationToken);
        var (shortRows, shortCount) = await query.ShortRunningAsync(scope, FulfilmentOversightQuery.ShortShown, cancellationToken);
        return new FulfilmentOversightPage(
            me.Bureau.Value, me.CountyId is null ? "全市" : countyName ?? "全市", scope, me.CountyId is null, countyName,
            counties, rows, shortRows, shortCount, lastEnded, today);
    }

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            && m.Year is >= 2000 and <= 2099 ? m : null;
}
