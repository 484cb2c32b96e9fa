using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <summary>The two names as typed, and the county's row version (xmin) the form was rendered with.</summary>
public sealed class CountyBureausForm
{
    public string? CivilAffairsBureauName { get; set; }

    public string? HealthBureauName { get; set; }

    public uint? Version { get; set; }
}

/// <summary>One county's bureaus page: the county as saved, and the form.</summary>
public sealed record CountyBureausPage(County County, CountyBureausForm Form);

/// <summary>
/// 备案部门名称 (ADR 049): the city's administrator corrects the names of a county's 民政 and 卫生健康 bureaus that
/// receive the filings (2020 guide 六(四)) where they differ from the usual 区县名 + 民政局 / 卫生健康局 (卫生健康委员会,
/// merged bureaus). Another tenant's county is not found (the query filter and row-level security); two
/// administrators saving at once: the second is told, nothing is overwritten.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/counties/{id:guid}/bureaus")]
public sealed partial class CountyBureausController(PortalDbContext db, ILogger<CountyBureausController> logger) : PortalController
{
    private const string View_ = "~/Features/TenantAdmin/CountyBureaus.cshtml";

    public const string ConflictMessage = "该区县的备案部门名称刚刚被其他管理员修改为“{0}”“{1}”，您的修改没有保存。您填写的内容仍在下方，核对后可再次保存。";

    [HttpGet("")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (await db.Counties.SingleOrDefaultAsync(c => c.Id == id) is not { } county) { return NotFound(); }
        return View(View_, new CountyBureausPage(county, new CountyBureausForm
        {
            CivilAffairsBureauName = county.CivilAffairsBureauName,
            HealthBureauName = county.HealthBureauName,
            Version = VersionOf(county),
        }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(Guid id, CountyBureausForm form)
    {
        if (await db.Counties.SingleOrDefaultAsync(c => c.Id == id) is not { } county) { return NotFound(); }
        ModelState.Clear();
        foreach (var problem in County.BureauNameProblems(form.CivilAffairsBureauName, form.HealthBureauName))
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(View_, new CountyBureausPage(county, form));
        }

        var (civilBefore, healthBefore) = (county.CivilAffairsBureauName, county.HealthBureauName);
        county.RenameBureaus(form.CivilAffairsBureauName!, form.HealthBureauName!);
        if (form.Version is { } seen)
        {
            db.Entry(county).Property<uint>("xmin").OriginalValue = seen;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.Counties.SingleOrDefaultAsync(c => c.Id == id) is not { } fresh) { return NotFound(); }
            ModelState.AddModelError(string.Empty, L[ConflictMessage, fresh.CivilAffairsBureauName, fresh.HealthBureauName]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;

            // What was typed stays; the version is the one now saved, so saving again is a deliberate overwrite.
            form.Version = VersionOf(fresh);
            return View(View_, new CountyBureausPage(fresh, form));
        }

        LogRenamed(logger, county.Id, Me.Id, civilBefore, county.CivilAffairsBureauName, healthBefore, county.HealthBureauName);
        Flash(L["已保存{0}的备案部门名称。", county.Name]);
        return Redirect("~/admin");
    }

    private uint VersionOf(County county) => db.Entry(county).Property<uint>("xmin").CurrentValue;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "County {CountyId} bureaus renamed by {UserId}: {CivilBefore} -> {CivilAfter}, {HealthBefore} -> {HealthAfter}")]
    private static partial void LogRenamed(
        ILogger logger, Guid countyId, Guid userId, string civilBefore, string civilAfter, string healthBefore, string healthAfter);
}
