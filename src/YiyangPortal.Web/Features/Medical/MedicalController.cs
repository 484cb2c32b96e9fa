using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Medical;

public sealed record MedicalHome(MedicalInstitution Institution, string CountyName);

/// <summary>Home of medical institution admins: their institution's profile (the inbox comes with agreements).</summary>
[Authorize(Roles = nameof(PortalRole.MedicalAdmin))]
[Route("medical")]
public sealed class MedicalController(PortalDbContext db) : PortalController
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
        return View(new MedicalHome(institution, county));
    }
}
