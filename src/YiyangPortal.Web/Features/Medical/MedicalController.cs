using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Features.Todo;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Medical;

public sealed record MedicalHome(MedicalInstitution Institution, string CountyName, IReadOnlyList<TodoLine> Todo);

/// <summary>Home of medical institution admins: their to-do (reviews, signatures, filings) and their institution's profile.</summary>
[Authorize(Policy = PortalPolicies.MedicalAdmin)]
[Route("medical")]
public sealed class MedicalController(PortalDbContext db, TodoQuery todo) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var institution = await db.MedicalInstitutions.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == Me.MedicalInstitutionId);
        if (institution is null)
        {
            return NotFound();
        }

        var county = await db.Counties.AsNoTracking().Where(c => c.Id == institution.CountyId).Select(c => c.Name).SingleAsync();
        return View(new MedicalHome(institution, county, await todo.ForAsync(Me, HttpContext.RequestAborted)));
    }
}
