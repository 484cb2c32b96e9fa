using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>Home of platform operators (no tenant): the city deployments. Tenant data stays behind RLS.</summary>
[Authorize(Policy = PortalPolicies.PlatformAdmin)]
[Route("platform")]
public sealed class PlatformController(PortalDbContext db) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Tenants.AsNoTracking().OrderBy(t => t.DivisionCode).ToListAsync());
}
