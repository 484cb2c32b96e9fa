using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <param name="CivilAffairsBureau">The 民政 bureau's name as the register has it (ADR 049); likewise the health bureau.</param>
public sealed record CountySummary(
    Guid Id, string County, string Code, string CivilAffairsBureau, string HealthBureau, int ElderCare, int Medical, int Accounts);

/// <summary>Home of a city's administrator: the counties with their institutions and accounts.</summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin")]
public sealed class TenantAdminController(PortalDbContext db) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await db.Counties.AsNoTracking()
            .OrderBy(c => c.DivisionCode)
            .Select(c => new CountySummary(
                c.Id,
                c.Name,
                c.DivisionCode,
                c.CivilAffairsBureauName,
                c.HealthBureauName,
                db.ElderCareInstitutions.Count(e => e.CountyId == c.Id),
                db.MedicalInstitutions.Count(m => m.CountyId == c.Id),
                db.Users.Count(u => u.CountyId == c.Id
                                    || db.ElderCareInstitutions.Any(e => e.Id == u.ElderCareInstitutionId && e.CountyId == c.Id)
                                    || db.MedicalInstitutions.Any(m => m.Id == u.MedicalInstitutionId && m.CountyId == c.Id))))
            .ToListAsync();
        ViewData["Accounts"] = await db.Users.CountAsync();
        return View(rows);
    }
}
