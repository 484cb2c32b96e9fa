using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.MedicalDirectory;

/// <summary>The filters of the directory, from the query string. Out-of-range values are clamped, not errors.</summary>
public sealed class DirectoryQuery
{
    public const int PageSize = 20;
    public const int MaxSearchLength = 50;

    /// <summary>Counting stops here: "10000+" is as useful to a reader as an exact 100,000 and costs far less.</summary>
    public const int CountCap = 10_000;

    public string? Q { get; set; }

    public Guid? County { get; set; }

    public MedicalInstitutionKind? Kind { get; set; }

    public HospitalGrade? Grade { get; set; }

    /// <summary>true: only 基层; false: only non-基层; null: both.</summary>
    public bool? Primary { get; set; }

    public int Page { get; set; } = 1;

    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, MaxSearchLength)];
}

public sealed record DirectoryRow(
    string Name, MedicalInstitutionKind Kind, HospitalGrade Grade, string County, string Address, bool Tcm, bool Insurance)
{
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();
}

public sealed record DirectoryPage(
    DirectoryQuery Query, IReadOnlyList<(Guid Id, string Name)> Counties, IReadOnlyList<DirectoryRow> Rows, int Total, int Page, int Pages)
{
    public string TotalText => Total > DirectoryQuery.CountCap ? $"{DirectoryQuery.CountCap}+" : Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// 医疗卫生机构名录 of the user's city: every signed-in role of the tenant may browse it, filtered by county, kind, grade
/// and 基层 (就近就便: staff look for partners in their own county). Server-side paging; the tenant walls keep other
/// cities out.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementReaders)]
[Route("institutions/medical")]
public sealed class MedicalDirectoryController(PortalDbContext db) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DirectoryQuery query)
    {
        ModelState.Clear(); // a malformed filter value is ignored, not shown as a form error
        var counties = await db.Counties.AsNoTracking().OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.Name }).ToListAsync();
        if (query.County is { } county && counties.TrueForAll(c => c.Id != county))
        {
            query.County = null;
        }

        var institutions = Filter(db.MedicalInstitutions.AsNoTracking().Where(m => m.IsActive), query);
        var total = await institutions.Take(DirectoryQuery.CountCap + 1).CountAsync();
        var pages = Math.Max(1, (Math.Min(total, DirectoryQuery.CountCap) + DirectoryQuery.PageSize - 1) / DirectoryQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await institutions
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Skip((page - 1) * DirectoryQuery.PageSize).Take(DirectoryQuery.PageSize)
            .Join(db.Counties, m => m.CountyId, c => c.Id, (m, c) => new DirectoryRow(
                m.Name, m.Kind, m.Grade, c.Name, m.Address, m.HasTcmQualification, m.IsMedicalInsuranceDesignated))
            .ToListAsync();
        return View(new DirectoryPage(query, counties.ConvertAll(c => (c.Id, c.Name)), rows, total, page, pages));
    }

    private static IQueryable<MedicalInstitution> Filter(IQueryable<MedicalInstitution> institutions, DirectoryQuery query)
    {
        if (query.Search is { } search)
        {
            // Backslash is PostgreSQL's default LIKE escape. An explicit ESCAPE clause would wrap the pattern in
            // like_escape() and keep the planner from using the trigram index.
            var pattern = "%" + EscapeLike(search) + "%";
            institutions = institutions.Where(m => EF.Functions.ILike(m.Name, pattern));
        }

        if (query.County is { } county)
        {
            institutions = institutions.Where(m => m.CountyId == county);
        }

        if (query.Kind is { } kind && Enum.IsDefined(kind))
        {
            institutions = institutions.Where(m => m.Kind == kind);
        }

        if (query.Grade is { } grade && Enum.IsDefined(grade))
        {
            institutions = institutions.Where(m => m.Grade == grade);
        }

        if (query.Primary is { } primary)
        {
            var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
            institutions = institutions.Where(m => primaryKinds.Contains(m.Kind) == primary);
        }

        return institutions;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
