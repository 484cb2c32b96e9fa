using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Features.Todo;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.ElderCare;

public sealed record ElderCareHome(
    ElderCareInstitution Institution, string CountyName, IReadOnlyList<PartnerRow> NearbyPartners, IReadOnlyList<TodoLine> Todo);

public sealed record PartnerRow(string Name, MedicalInstitutionKind Kind, HospitalGrade Grade, bool IsPrimaryLevel);

/// <summary>Home of 养老机构 staff: their to-do, their institution and the medical institutions of their county (就近就便).</summary>
[Authorize(Policy = PortalPolicies.ElderCareStaff)]
[Route("eldercare")]
public sealed class ElderCareController(PortalDbContext db, TodoQuery todo) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var institution = await db.ElderCareInstitutions.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId);
        if (institution is null)
        {
            return NotFound();
        }

        var county = await db.Counties.AsNoTracking().Where(c => c.Id == institution.CountyId).Select(c => c.Name).SingleAsync();
        var partners = await db.MedicalInstitutions.AsNoTracking()
            .Where(m => m.CountyId == institution.CountyId && m.IsActive)
            .OrderBy(m => m.Name)
            .Take(20)
            .Select(m => new { m.Name, m.Kind, m.Grade })
            .ToListAsync();
        var rows = partners
            .Select(m => new PartnerRow(m.Name, m.Kind, m.Grade, m.Kind.IsPrimaryLevel()))
            .OrderByDescending(m => m.IsPrimaryLevel)
            .ToList();
        return View(new ElderCareHome(institution, county, rows, await todo.ForAsync(Me, HttpContext.RequestAborted)));
    }
}
