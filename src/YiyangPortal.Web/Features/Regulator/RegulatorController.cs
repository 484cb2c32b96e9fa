using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Features.Todo;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Regulator;

public sealed record CountyCoverage(
    string County, int ElderCare, int NursingHomes, int LargeWithoutInternalMedical, int Medical, int PrimaryLevel);

public sealed record RegulatorHome(Bureau Bureau, string Scope, IReadOnlyList<CountyCoverage> Counties, IReadOnlyList<TodoLine> Todo);

/// <summary>
/// Home of 民政/卫健 regulators: filings to review and overdue ones, and the institutions per county. A county
/// regulator sees only their county; a city-level one sees every county.
/// The scope comes from the cookie's binding, never from the URL.
/// </summary>
[Authorize(Policy = PortalPolicies.Regulator)]
[Route("regulator")]
public sealed class RegulatorController(PortalDbContext db, TodoQuery todo) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = Me;
        var counties = db.Counties.AsNoTracking();
        if (me.CountyId is { } countyId)
        {
            counties = counties.Where(c => c.Id == countyId);
        }

        var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
        var rows = await counties
            .OrderBy(c => c.DivisionCode)
            .Select(c => new CountyCoverage(
                c.Name,
                db.ElderCareInstitutions.Count(e => e.CountyId == c.Id && e.IsActive),
                db.ElderCareInstitutions.Count(e => e.CountyId == c.Id && e.IsActive && e.Kind == ElderCareInstitutionKind.NursingHome),
                db.ElderCareInstitutions.Count(e => e.CountyId == c.Id && e.IsActive && e.Kind == ElderCareInstitutionKind.NursingHome
                                                    && e.Residents >= 50 && !e.HasInternalMedicalInstitution),
                db.MedicalInstitutions.Count(m => m.CountyId == c.Id && m.IsActive),
                db.MedicalInstitutions.Count(m => m.CountyId == c.Id && m.IsActive && primaryKinds.Contains(m.Kind))))
            .ToListAsync();
        var scope = rows.Count == 1 && me.CountyId is not null ? rows[0].County : "全市";
        return View(new RegulatorHome(me.Bureau!.Value, scope, rows, await todo.ForAsync(me, HttpContext.RequestAborted)));
    }
}
