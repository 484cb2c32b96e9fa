using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.SixOnes;

public sealed record SixOnesPage(
    ElderCareInstitution Home,
    SixOnesFacts Facts,
    HealthCheck? HealthCheck,
    IReadOnlyList<GreenChannelUse> GreenUses,
    IReadOnlyList<TrainingSession> Trainings,
    IReadOnlyDictionary<Guid, string> TrainingClinics,
    bool GreenChannelAgreed,
    DateOnly Today,
    HealthCheckForm HealthCheckForm,
    GreenChannelForm GreenChannelForm,
    TrainingForm TrainingForm);

/// <summary>
/// 六个一 of the signed-in home (绍市民〔2024〕6号 二): the six lines with what is missing, and the forms for what only the
/// home knows — 内设医疗机构 申办中, this year's health-check figures, green-channel uses and training sessions. The home
/// is the user's own (from the cookie), never from the URL.
/// </summary>
[Authorize(Policy = PortalPolicies.ElderCareStaff)]
[Route("eldercare/six-ones")]
public sealed class SixOnesController(PortalDbContext db, SixOnesQuery query, TimeProvider clock) : PortalController
{
    private const string PageView = "~/Features/SixOnes/Index.cshtml";

    public const string ConflictMessage = "本年度的体检情况刚刚被其他人修改过，您的修改没有保存。请查看最新内容后再试。";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await PageAsync(null, null, null, cancellationToken) is { } page ? View(PageView, page) : NotFound();

    [HttpPost("internal-medical")]
    public async Task<IActionResult> InternalMedical(bool applying, CancellationToken cancellationToken)
    {
        if (await db.ElderCareInstitutions.SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId, cancellationToken) is not { } home)
        {
            return NotFound();
        }

        try
        {
            home.ReportInternalMedicalApplication(applying);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException refused)
        {
            return await RefusedAsync([new FieldError(string.Empty, refused.Text)], null, null, null, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusedAsync([], null, null, null, cancellationToken, conflict: true);
        }

        Flash(applying ? L["已标记为内设医疗机构申办中。"] : L["已取消申办中标记。"]);
        return Redirect("~/eldercare/six-ones");
    }

    [HttpPost("health-check")]
    public async Task<IActionResult> HealthCheck(HealthCheckForm form, CancellationToken cancellationToken)
    {
        if (await db.ElderCareInstitutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId, cancellationToken) is not { } home)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var (day, done, due) = (SixOnesInput.Date(form.CheckedOn), SixOnesInput.Count(form.ResidentsChecked), SixOnesInput.Count(form.ResidentsDue));
        var problems = form.Unreadable();
        if (problems.Count == 0)
        {
            problems.AddRange(Domain.Fulfilment.HealthCheck.Problems(day, done, due, home.Beds, BeijingTime.DateOf(now)));
        }

        if (problems.Count > 0)
        {
            return await RefusedAsync(problems, form, null, null, cancellationToken);
        }

        var existing = await db.HealthChecks.SingleOrDefaultAsync(c => c.ElderCareInstitutionId == home.Id && c.Year == day!.Value.Year, cancellationToken);
        var check = Domain.Fulfilment.HealthCheck.Enter(existing, home.TenantId, home.Id, home.Beds, day, done, due, Me.Id, now);
        if (existing is null)
        {
            db.HealthChecks.Add(check);
        }

        if (!await SavedAsync(cancellationToken))
        {
            return await RefusedAsync([], form, null, null, cancellationToken, conflict: true);
        }

        Flash(L["已保存本年度上门健康体检情况。"]);
        return Redirect("~/eldercare/six-ones");
    }

    [HttpPost("green-channel")]
    public async Task<IActionResult> GreenChannel(GreenChannelForm form, CancellationToken cancellationToken)
    {
        if (await PageAsync(null, null, null, cancellationToken) is not { } page) { return NotFound(); }
        var now = clock.GetUtcNow();
        var (day, residents) = (SixOnesInput.Date(form.UsedOn), SixOnesInput.Count(form.Residents));
        var problems = form.Unreadable();
        if (problems.Count == 0)
        {
            problems.AddRange(GreenChannelUse.Problems(page.GreenChannelAgreed, day, residents, BeijingTime.DateOf(now)));
        }

        if (problems.Count > 0)
        {
            return await RefusedAsync(problems, null, form, null, cancellationToken);
        }

        db.GreenChannelUses.Add(GreenChannelUse.Record(page.Home.TenantId, page.Home.Id, page.GreenChannelAgreed, day, residents, Me.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        Flash(L["已登记绿色通道使用情况。"]);
        return Redirect("~/eldercare/six-ones");
    }

    [HttpPost("training")]
    public async Task<IActionResult> Training(TrainingForm form, CancellationToken cancellationToken)
    {
        if (await db.ElderCareInstitutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId, cancellationToken) is not { } home)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var (day, attendees) = (SixOnesInput.Date(form.HeldOn), SixOnesInput.Count(form.Attendees));
        var problems = form.Unreadable();
        if (problems.Count == 0)
        {
            problems.AddRange(TrainingSession.Problems(day, form.Topic, attendees, BeijingTime.DateOf(now)));
        }

        if (problems.Count > 0)
        {
            return await RefusedAsync(problems, null, null, form, cancellationToken);
        }

        db.TrainingSessions.Add(TrainingSession.Record(home.TenantId, home.Id, AgreementParty.ElderCare, day, form.Topic, attendees, Me.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        Flash(L["已登记培训。"]);
        return Redirect("~/eldercare/six-ones");
    }

    private async Task<bool> SavedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException
                                   or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The page again with each message next to its field and everything typed kept (422).</summary>
    private async Task<IActionResult> RefusedAsync(
        IReadOnlyList<FieldError> problems, HealthCheckForm? check, GreenChannelForm? green, TrainingForm? training,
        CancellationToken cancellationToken, bool conflict = false)
    {
        db.ChangeTracker.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        if (conflict)
        {
            ModelState.AddModelError(string.Empty, L[ConflictMessage]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(check, green, training, cancellationToken) is { } page ? View(PageView, page) : NotFound();
    }

    private async Task<SixOnesPage?> PageAsync(
        HealthCheckForm? check, GreenChannelForm? green, TrainingForm? training, CancellationToken cancellationToken)
    {
        var home = await db.ElderCareInstitutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId, cancellationToken);
        if (home is null)
        {
            return null;
        }

        var today = clock.TodayInBeijing();
        var six = (await query.ForAsync(db.ElderCareInstitutions.Where(i => i.Id == home.Id), today, cancellationToken)).Single();
        var thisYear = await db.HealthChecks.AsNoTracking().SingleOrDefaultAsync(c => c.ElderCareInstitutionId == home.Id && c.Year == today.Year, cancellationToken);
        var since = new DateOnly(today.Year - 1, 1, 1);
        var uses = await db.GreenChannelUses.AsNoTracking().Where(u => u.ElderCareInstitutionId == home.Id && u.UsedOn >= since)
            .OrderByDescending(u => u.UsedOn).ThenByDescending(u => u.RecordedAtUtc).Take(20).ToListAsync(cancellationToken);
        var trainings = await db.TrainingSessions.AsNoTracking().Where(t => t.ElderCareInstitutionId == home.Id && t.HeldOn >= since)
            .OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.RecordedAtUtc).Take(20).ToListAsync(cancellationToken);
        var clinicIds = trainings.Where(t => t.MedicalInstitutionId is not null).Select(t => t.MedicalInstitutionId!.Value).Distinct().ToList();
        var clinics = clinicIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.MedicalInstitutions.AsNoTracking().Where(m => clinicIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return new SixOnesPage(home, six.Facts, thisYear, uses, trainings, clinics, Domain.Fulfilment.SixOnes.GreenChannelAgreed(six.Facts), today,
            check ?? HealthCheckForm.Of(thisYear), green ?? new GreenChannelForm(), training ?? new TrainingForm());
    }
}
