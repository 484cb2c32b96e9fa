using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Roster;

/// <summary>
/// 人员名册 of the signed-in clinic (issue 15): list, add, change name or title, make inactive or active again. The
/// clinic is the user's own (from the cookie), never from the URL; another institution's member is not found.
/// </summary>
[Authorize(Policy = PortalPolicies.MedicalAdmin)]
[Route("medical/staff")]
public sealed class RosterController(PortalDbContext db, StaffRoster roster) : PortalController
{
    private const string PageView = "~/Features/Roster/Index.cshtml";
    private const string EditView = "~/Features/Roster/Edit.cshtml";

    public const string ConflictMessage = "该人员的信息刚刚被其他人修改过，您的修改没有保存。请查看最新内容后再试。";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await PageAsync(new RosterForm(), cancellationToken) is { } page ? View(PageView, page) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Add(RosterForm form, CancellationToken cancellationToken)
    {
        if (Me.MedicalInstitutionId is not { } clinicId) { return NotFound(); }
        var outcome = await roster.AddAsync(TenantId, clinicId, form.Name, form.ParsedTitle, cancellationToken);
        if (!outcome.Saved)
        {
            return await RefusedAsync(outcome, form, cancellationToken);
        }

        Flash(L["已加入人员名册。"]);
        return Redirect("~/medical/staff");
    }

    [HttpGet("{memberId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid memberId, CancellationToken cancellationToken)
    {
        if (await FindAsync(memberId, cancellationToken) is not { } member) { return NotFound(); }
        return View(EditView, new RosterEditPage(member, RosterForm.Of(member, roster.VersionOf(member))));
    }

    [HttpPost("{memberId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid memberId, RosterForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(memberId, cancellationToken) is not { } member) { return NotFound(); }
        var outcome = await roster.ChangeAsync(member, form.Version, form.Name, form.ParsedTitle, cancellationToken);
        if (outcome.Saved)
        {
            Flash(L["已保存人员信息。"]);
            return Redirect("~/medical/staff");
        }

        db.ChangeTracker.Clear();
        AddErrors(outcome);
        if (await FindAsync(memberId, cancellationToken) is not { } fresh) { return NotFound(); }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;

        // After a conflict the form shows what is saved now (with its version); otherwise what was typed.
        var shown = outcome.Conflict ? RosterForm.Of(fresh, roster.VersionOf(fresh)) : form;
        if (outcome.Conflict)
        {
            foreach (var key in new[] { nameof(RosterForm.Name), nameof(RosterForm.Title), nameof(RosterForm.Version) })
            {
                ModelState.Remove(key);
            }
        }

        return View(EditView, new RosterEditPage(fresh, shown));
    }

    [HttpPost("{memberId:guid}/deactivate")]
    public Task<IActionResult> Deactivate(Guid memberId, uint? version, CancellationToken cancellationToken) =>
        SetActiveAsync(memberId, version, false, cancellationToken);

    [HttpPost("{memberId:guid}/reactivate")]
    public Task<IActionResult> Reactivate(Guid memberId, uint? version, CancellationToken cancellationToken) =>
        SetActiveAsync(memberId, version, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(Guid memberId, uint? version, bool active, CancellationToken cancellationToken)
    {
        if (await FindAsync(memberId, cancellationToken) is not { } member) { return NotFound(); }
        var outcome = await roster.SetActiveAsync(member, version, active, cancellationToken);
        if (!outcome.Saved)
        {
            return await RefusedAsync(outcome, new RosterForm(), cancellationToken);
        }

        Flash(active ? L["已恢复到人员名册。"] : L["已停用该人员；其服务记录保留。"]);
        return Redirect("~/medical/staff");
    }

    private Task<Domain.Fulfilment.StaffMember?> FindAsync(Guid memberId, CancellationToken cancellationToken) =>
        Me.MedicalInstitutionId is { } clinicId ? roster.FindAsync(clinicId, memberId, cancellationToken) : Task.FromResult<Domain.Fulfilment.StaffMember?>(null);

    private void AddErrors(RosterOutcome outcome)
    {
        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (outcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, L[ConflictMessage]);
        }
    }

    /// <summary>The list again with each message next to its field and everything typed kept (422).</summary>
    private async Task<IActionResult> RefusedAsync(RosterOutcome outcome, RosterForm form, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        AddErrors(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(form, cancellationToken) is { } page ? View(PageView, page) : NotFound();
    }

    private async Task<RosterPage?> PageAsync(RosterForm form, CancellationToken cancellationToken)
    {
        var clinic = await db.MedicalInstitutions.AsNoTracking().Where(i => i.Id == Me.MedicalInstitutionId)
            .Select(i => i.Name).SingleOrDefaultAsync(cancellationToken);
        if (clinic is null)
        {
            return null;
        }

        var members = await db.StaffMembers.AsNoTracking().Where(s => s.MedicalInstitutionId == Me.MedicalInstitutionId)
            .Select(s => new { Member = s, Version = EF.Property<uint>(s, "xmin") })
            .ToListAsync(cancellationToken);

        // Titles are stored by name: ordered here by rank (正高 first), active members before those who left.
        var lines = members.OrderByDescending(m => m.Member.IsActive).ThenBy(m => m.Member.Title).ThenBy(m => m.Member.Name, StringComparer.Ordinal)
            .Select(m => new RosterLine(m.Member, m.Version)).ToList();
        return new RosterPage(clinic, lines, form);
    }
}
