using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <summary>
/// 签约目标: the city's coverage targets (issue 11 point 7), edited by its administrator. Seeded from the seeds
/// (<see cref="PolicyTargets"/>); the regulators' dashboard measures against them.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/targets")]
public sealed class TargetsController(PortalDbContext db) : PortalController
{
    private const string View_ = "~/Features/TenantAdmin/Targets.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var targets = await db.CoverageTargets.AsNoTracking().OrderBy(t => t.Deadline).ThenBy(t => t.Measure).ToListAsync();
        return View(View_, new TargetsPage(new TargetsForm { Targets = [.. targets.Select(TargetRow.From), new TargetRow()] }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(TargetsForm form)
    {
        var existing = await db.CoverageTargets.ToDictionaryAsync(t => t.Id);
        var rows = form.Targets.Select((row, i) => (Row: row, Index: i)).Where(p => !p.Row.IsBlank).ToList();
        foreach (var (row, i) in rows)
        {
            // A row changed or removed by someone else meanwhile (or an id from elsewhere): nothing is saved.
            if (row.Id is { } id && !existing.ContainsKey(id))
            {
                ModelState.AddModelError($"Targets[{i}].Measure", L["该目标已不存在，请刷新页面。"]);
            }

            foreach (var problem in row.Remove ? [] : row.Problems(i))
            {
                ModelState.AddModelError(problem.Field, L.Message(problem.Text));
            }
        }

        var kept = rows.Where(p => !p.Row.Remove && p.Row.ParsedMeasure is not null && p.Row.ParsedDeadline is not null).ToList();
        foreach (var duplicate in kept.GroupBy(p => (p.Row.ParsedMeasure, p.Row.ParsedDeadline)).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            ModelState.AddModelError($"Targets[{duplicate.Index}].Deadline", L["同一指标在同一完成期限只能设置一个目标。"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(View_, new TargetsPage(form));
        }

        foreach (var (row, _) in rows)
        {
            if (row.Id is { } id)
            {
                var target = existing[id];
                if (row.Remove) { db.CoverageTargets.Remove(target); }
                else if (target.Measure != row.ParsedMeasure)
                {
                    db.CoverageTargets.Remove(target);
                    db.CoverageTargets.Add(New(row));
                }
                else { target.Change(row.ParsedPercent!.Value, row.ParsedDeadline!.Value, row.Source!); }
            }
            else if (!row.Remove)
            {
                db.CoverageTargets.Add(New(row));
            }
        }

        await db.SaveChangesAsync();
        Flash(L["已保存本市的签约覆盖目标。"]);
        return RedirectToAction(nameof(Index));
    }

    private CoverageTarget New(TargetRow row) =>
        new(TenantId, row.ParsedMeasure!.Value, row.ParsedPercent!.Value, row.ParsedDeadline!.Value, row.Source!);
}
