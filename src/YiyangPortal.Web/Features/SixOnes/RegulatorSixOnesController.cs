using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.SixOnes;

/// <summary>One county's 六个一: how many 养老机构 each item applies to and how many meet it.</summary>
public sealed record CountySixOnes(string County, int Homes, IReadOnlyDictionary<SixOne, (int Met, int Applicable)> Items)
{
    public static CountySixOnes Of(string county, IReadOnlyCollection<HomeSixOnes> homes) => new(
        county, homes.Count,
        Enum.GetValues<SixOne>().ToDictionary(item => item, item =>
        {
            var lines = homes.Select(h => h.Lines.Single(l => l.Item == item)).ToList();
            return (lines.Count(l => l.Result == SixOneResult.Met), lines.Count(l => l.Result != SixOneResult.NotApplicable));
        }));

    public static string Percent((int Met, int Applicable) x) =>
        x.Applicable == 0 ? "—" : ((double)x.Met / x.Applicable * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>An evaluation as the regulators' list shows it.</summary>
public sealed record EvaluationRow(Guid AgreementId, string DocumentNumber, string ElderCare, string Medical, AgreementEvaluation Evaluation);

public sealed record RegulatorSixOnesPage(string Scope, IReadOnlyList<CountySixOnes> Counties, CountySixOnes Total, IReadOnlyList<EvaluationRow> Evaluations, DateOnly Today);

/// <summary>
/// 六个一 completion per county for the regulators (绍市民〔2024〕6号 二; 2024 guide 一(二) joint supervision): each item's
/// share of the 养老机构 it applies to, and the parties' annual evaluations. A county bureau sees its county, a city-level
/// one every county; the scope is the cookie's, never the URL's.
/// </summary>
[Authorize(Policy = PortalPolicies.Regulator)]
[Route("regulator/six-ones")]
public sealed class RegulatorSixOnesController(PortalDbContext db, SixOnesQuery query, TimeProvider clock) : PortalController
{
    public static IReadOnlyList<string> Headers { get; } =
        ["区县", "养老机构", .. Enum.GetValues<SixOne>().Select(i => i.ToChinese())];

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/SixOnes/Regulator.cshtml", await LoadAsync(withEvaluations: true, cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var page = await LoadAsync(withEvaluations: false, cancellationToken);
        using var buffer = new MemoryStream();
        TabularFile.WriteXlsx(buffer, Headers, page.Counties.Append(page.Total).Select(c => (IReadOnlyList<string>)
            [c.County, c.Homes.ToString(CultureInfo.InvariantCulture), .. Enum.GetValues<SixOne>().Select(i => CountySixOnes.Percent(c.Items[i]))]));
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"six-ones-{page.Today:yyyyMMdd}.xlsx"));
    }

    private async Task<RegulatorSixOnesPage> LoadAsync(bool withEvaluations, CancellationToken cancellationToken)
    {
        var me = Me;
        var today = clock.TodayInBeijing();
        var counties = db.Counties.AsNoTracking();
        if (me.CountyId is { } countyId)
        {
            counties = counties.Where(c => c.Id == countyId);
        }

        var names = await counties.OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var countyIds = names.Select(c => c.Id).ToList();

        // 六个一 are the 养老机构's targets (二: 全市备案养老机构).
        var homes = await query.ForAsync(
            db.ElderCareInstitutions.Where(e => e.IsActive && e.Kind == ElderCareInstitutionKind.NursingHome && countyIds.Contains(e.CountyId)),
            today, cancellationToken);
        var byCounty = homes.ToLookup(h => h.CountyId);
        var rows = names.Select(c => CountySixOnes.Of(c.Name, byCounty[c.Id].ToList())).ToList();
        var scope = me.CountyId is not null && names.Count == 1 ? names[0].Name : "全市";
        var total = CountySixOnes.Of(scope == "全市" ? "全市合计" : "合计", homes);
        return new RegulatorSixOnesPage(scope, rows, total, withEvaluations ? await EvaluationsAsync(cancellationToken) : [], today);
    }

    private async Task<List<EvaluationRow>> EvaluationsAsync(CancellationToken cancellationToken)
    {
        var visible = db.Agreements.VisibleTo(db, Me);
        return await (from e in db.AgreementEvaluations.AsNoTracking()
                      join a in visible on e.AgreementId equals a.Id
                      orderby e.SubmittedAtUtc descending
                      select new EvaluationRow(
                          a.Id, a.DocumentNumber,
                          db.ElderCareInstitutions.Where(i => i.Id == a.ElderCareInstitutionId).Select(i => i.Name).First(),
                          db.MedicalInstitutions.Where(i => i.Id == a.MedicalInstitutionId).Select(i => i.Name).First(),
                          e)).Take(100).ToListAsync(cancellationToken);
    }
}
