using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Evaluations;

/// <summary>年度评价 as typed; scores are text so that anything unreadable comes back, kept.</summary>
public sealed class EvaluationForm
{
    public int Year { get; set; }

    public string? Timeliness { get; set; }

    public string? Quality { get; set; }

    public string? Cooperation { get; set; }

    public string? Records { get; set; }

    public string? Comment { get; set; }

    public Dictionary<EvaluationCriterion, int?> Scores() => new()
    {
        [EvaluationCriterion.Timeliness] = Score(Timeliness),
        [EvaluationCriterion.Quality] = Score(Quality),
        [EvaluationCriterion.Cooperation] = Score(Cooperation),
        [EvaluationCriterion.Records] = Score(Records),
    };

    public string? Typed(EvaluationCriterion criterion) => criterion switch
    {
        EvaluationCriterion.Timeliness => Timeliness,
        EvaluationCriterion.Quality => Quality,
        EvaluationCriterion.Cooperation => Cooperation,
        _ => Records,
    };

    private static int? Score(string? typed) => LenientNumbers.TryParseInt(typed, out var n) ? n : null;
}

/// <summary>One agreement year with both parties' evaluations and whether the user's side may rate it now.</summary>
public sealed record EvaluationYear(AgreementYear Year, AgreementEvaluation? ElderCare, AgreementEvaluation? Medical, DomainMessage? ClosedForMe);

public sealed record EvaluationPage(
    Agreement Agreement, string ElderCareName, string MedicalName, AgreementParty? MyParty, IReadOnlyList<EvaluationYear> Years, EvaluationForm Form);

/// <summary>
/// 年度评价 of one agreement (ADR 037): each party rates each agreement year once, from its last quarter until three
/// months after; the other party and the county's regulators read both. Agreements the user may not see are not found
/// (<see cref="AgreementAccess"/>); only the two parties may submit, each for its own side.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementReaders)]
[Route("agreements/{id:guid}/evaluation")]
public sealed class EvaluationController(PortalDbContext db, AgreementWorkflow agreements) : PortalController
{
    private const string PageView = "~/Features/Evaluations/Index.cshtml";

    public const string ConflictMessage = "本机构刚刚已提交过该年度的评价（可能是重复提交），这次提交没有保存。";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        return View(PageView, await PageAsync(agreement, new EvaluationForm(), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Submit(Guid id, EvaluationForm form, CancellationToken cancellationToken)
    {
        if (await agreements.FindAsync(id, Me) is not { } agreement) { return NotFound(); }
        if (Me.Party is null) { return StatusCode(StatusCodes.Status403Forbidden); }

        var actor = agreements.Actor(Me);
        var existing = await db.AgreementEvaluations.AsNoTracking().Where(e => e.AgreementId == id).ToListAsync(cancellationToken);
        var problems = new List<FieldError>();
        foreach (var criterion in Enum.GetValues<EvaluationCriterion>())
        {
            if (form.Typed(criterion) is { Length: > 0 } typed && !LenientNumbers.TryParseInt(typed, out _))
            {
                problems.Add(new FieldError(criterion.ToString(), LenientNumbers.Problem(typed, whole: true)));
            }
        }

        // The domain's messages too, except where the field already says it could not be read.
        problems.AddRange(AgreementEvaluation.Problems(
                agreement, actor.Party, form.Year, form.Scores(), form.Comment, BeijingTime.DateOf(actor.AtUtc), existing)
            .Where(p => problems.All(u => u.Field != p.Field)).ToList());

        if (problems.Count > 0)
        {
            return await RefusedAsync(agreement, form, problems, cancellationToken);
        }

        db.AgreementEvaluations.Add(AgreementEvaluation.Submit(agreement, actor, form.Year, form.Scores(), form.Comment, existing));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return await RefusedAsync(agreement, form, [new FieldError(string.Empty, ConflictMessage)], cancellationToken);
        }

        Flash(L["已提交年度评价，对方和监管部门可以查看。"]);
        return Redirect($"~/agreements/{id}/evaluation");
    }

    private async Task<IActionResult> RefusedAsync(Agreement agreement, EvaluationForm form, IReadOnlyList<FieldError> problems, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, L.Message(problem.Text));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(PageView, await PageAsync(agreement, form, cancellationToken));
    }

    private async Task<EvaluationPage> PageAsync(Agreement agreement, EvaluationForm form, CancellationToken cancellationToken)
    {
        var today = BeijingTime.Today(agreements.Now);
        var existing = await db.AgreementEvaluations.AsNoTracking().Where(e => e.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        var party = Me.Party;
        var years = AgreementEvaluation.YearsOf(agreement)
            .Where(y => y.From <= today)
            .Select(y => new EvaluationYear(
                y,
                existing.FirstOrDefault(e => e.Year == y.Number && e.Party == AgreementParty.ElderCare),
                existing.FirstOrDefault(e => e.Year == y.Number && e.Party == AgreementParty.Medical),
                party is { } p ? AgreementEvaluation.WhyClosed(agreement, p, y.Number, today, existing) : null))
            .ToList();
        var names = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name)
            .Concat(db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name)).ToListAsync(cancellationToken);
        return new EvaluationPage(agreement, names.ElementAtOrDefault(0) ?? string.Empty, names.ElementAtOrDefault(1) ?? string.Empty, party, years, form);
    }
}
