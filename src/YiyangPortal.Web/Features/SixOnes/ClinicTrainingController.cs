using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.SixOnes;

/// <summary>A training session as the clinic types it: the home it trained, then the home's own training fields.</summary>
public sealed class ClinicTrainingForm
{
    /// <summary>The chosen home's id as posted (text, so a tampered value is refused with the field's message).</summary>
    public string? ElderCareInstitutionId { get; set; }

    public Guid? HomeId => Guid.TryParse(ElderCareInstitutionId, out var id) ? id : null;

    public string? HeldOn { get; set; }

    public string? Topic { get; set; }

    public string? Attendees { get; set; }

    public List<FieldError> Unreadable() => new TrainingForm { HeldOn = HeldOn, Topic = Topic, Attendees = Attendees }.Unreadable();
}

/// <summary>A session the clinic recorded, with the home's name.</summary>
public sealed record ClinicTrainingLine(TrainingSession Session, string HomeName);

public sealed record ClinicTrainingPage(
    string ClinicName, IReadOnlyList<(Guid Id, string Name)> Partners, IReadOnlyList<ClinicTrainingLine> Sessions, ClinicTrainingForm Form);

/// <summary>
/// 培训 given by the signed-in clinic to a partner home's care team (绍市民〔2024〕6号 二.6 培训一支康养服务队伍; 附件1 六;
/// 附件2 乙方 6). Stored as the home's <see cref="TrainingSession"/>, so it counts in the home's 六个一 training line;
/// only homes the clinic has an agreement in force with can be chosen (<see cref="Agreement.IsInForceOn"/>).
/// </summary>
[Authorize(Policy = PortalPolicies.MedicalAdmin)]
[Route("medical/training")]
public sealed class ClinicTrainingController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string PageView = "~/Features/SixOnes/ClinicTraining.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await PageAsync(new ClinicTrainingForm(), cancellationToken) is { } page ? View(PageView, page) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Record(ClinicTrainingForm form, CancellationToken cancellationToken)
    {
        if (Me.MedicalInstitutionId is not { } clinicId) { return NotFound(); }
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var partners = await PartnersAsync(clinicId, today, cancellationToken);
        var (day, attendees) = (SixOnesInput.Date(form.HeldOn), SixOnesInput.Count(form.Attendees));
        var inForce = form.HomeId is { } homeId && partners.Any(p => p.Id == homeId);
        var problems = form.Unreadable();
        if (problems.Count == 0)
        {
            problems.AddRange(TrainingSession.ClinicProblems(form.HomeId, inForce, day, form.Topic, attendees, today));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, L.Message(problem.Text));
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(form, cancellationToken) is { } page ? View(PageView, page) : NotFound();
        }

        db.TrainingSessions.Add(TrainingSession.RecordByClinic(
            TenantId, form.HomeId!.Value, clinicId, inForce, day, form.Topic, attendees, Me.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        Flash(L["已登记培训，计入该养老机构的“六个一”。"]);
        return Redirect("~/medical/training");
    }

    /// <summary>The homes with an agreement in force with the clinic today, by name.</summary>
    private async Task<List<(Guid Id, string Name)>> PartnersAsync(Guid clinicId, DateOnly today, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective && a.SupplementToId == null)
            .ToListAsync(cancellationToken);
        var homeIds = agreements.Where(a => a.IsInForceOn(today)).Select(a => a.ElderCareInstitutionId).Distinct().ToList();
        var homes = await db.ElderCareInstitutions.AsNoTracking().Where(h => homeIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Name }).ToListAsync(cancellationToken);
        return homes.OrderBy(h => h.Name, StringComparer.Ordinal).Select(h => (h.Id, h.Name)).ToList();
    }

    private async Task<ClinicTrainingPage?> PageAsync(ClinicTrainingForm form, CancellationToken cancellationToken)
    {
        if (Me.MedicalInstitutionId is not { } clinicId
            || await db.MedicalInstitutions.AsNoTracking().Where(i => i.Id == clinicId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return null;
        }

        var today = clock.TodayInBeijing();
        var since = new DateOnly(today.Year - 1, 1, 1);
        var sessions = await (from t in db.TrainingSessions.AsNoTracking()
                              join h in db.ElderCareInstitutions on t.ElderCareInstitutionId equals h.Id
                              where t.MedicalInstitutionId == clinicId && t.HeldOn >= since
                              orderby t.HeldOn descending, t.RecordedAtUtc descending
                              select new { Session = t, h.Name }).Take(50).ToListAsync(cancellationToken);
        return new ClinicTrainingPage(
            name, await PartnersAsync(clinicId, today, cancellationToken), sessions.Select(s => new ClinicTrainingLine(s.Session, s.Name)).ToList(), form);
    }
}
