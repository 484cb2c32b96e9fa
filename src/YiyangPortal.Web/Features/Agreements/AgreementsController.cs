using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

/// <param name="StatusLabel">As shown today (已签署·待生效 before the agreed term starts).</param>
public sealed record AgreementRow(
    Guid Id, string Number, AgreementTemplate Template, AgreementStatus Status, string ElderCare, string Medical, DateTimeOffset Created,
    string StatusLabel, bool SignedNotYetInForce);

public sealed record AgreementList(AgreementStatus? Status, Paged<AgreementRow> Page, bool CanDraft, AgreementTodo? Todo = null);

public sealed record PartnerOption(Guid Id, string Name, string County, bool SameCounty, bool PrimaryLevel, MedicalInstitutionKind Kind, HospitalGrade Grade);

public sealed record NewAgreementPage(IReadOnlyList<PartnerOption> Partners, string? Search, string? Error);

/// <summary>签约协议: lists by role, starting a draft from a template with a partner, the detail page and its PDF.</summary>
[Authorize(Policy = PortalPolicies.AgreementReaders)]
[Route("agreements")]
public sealed class AgreementsController(
    PortalDbContext db, AgreementWorkflow workflow, AgreementDetails details, AgreementTodos todos) : PortalController
{
    private const string Views = "~/Features/Agreements/";

    [HttpGet("")]
    public async Task<IActionResult> Index(AgreementStatus? status, AgreementTodo? todo, int page = 1)
    {
        var agreements = workflow.Visible(Me);
        if (status is { } s && Enum.IsDefined(s))
        {
            agreements = agreements.Where(a => a.Status == s);
        }

        // ?todo=sign etc.: exactly the agreements the home page counted for that to-do line.
        todo = todo is { } t && Enum.IsDefined(t) ? t : null;
        if (todo is { } wanted)
        {
            var ids = (await todos.ForAsync(Me, HttpContext.RequestAborted))[wanted].ToList();
            agreements = agreements.Where(a => ids.Contains(a.Id));
        }

        var rows = await agreements.ToPageAsync(
            q => q.OrderByDescending(a => a.CreatedAtUtc)
                .Select(a => new
                {
                    a.Id,
                    a.DocumentNumber,
                    a.Template,
                    a.Status,
                    // Only an agreement in force needs its terms here (已签署未生效 reads the term's start): the other
                    // rows skip reading and deserializing the JSON (issue 13, the request path).
                    Terms = a.Status == AgreementStatus.Effective ? a.Terms : null,
                    a.CreatedAtUtc,
                    ElderCare = db.ElderCareInstitutions.Where(e => e.Id == a.ElderCareInstitutionId).Select(e => e.Name).First(),
                    Medical = db.MedicalInstitutions.Where(m => m.Id == a.MedicalInstitutionId).Select(m => m.Name).First(),
                }),
            page,
            HttpContext.RequestAborted);
        var today = BeijingTime.Today(workflow.Now);
        var paged = new Paged<AgreementRow>(
            rows.Rows.Select(a => new AgreementRow(
                a.Id, a.DocumentNumber, a.Template, a.Status, a.ElderCare, a.Medical, a.CreatedAtUtc,
                a.Status.ToChinese(a.Terms?.Term?.From, today), a.Status == AgreementStatus.Effective && a.Terms?.Term?.From > today)).ToList(),
            rows.Total, rows.Page, rows.Pages);
        return View(Views + "Index.cshtml", new AgreementList(status, paged, Me.Role == PortalRole.ElderCareStaff, todo));
    }

    /// <summary>就近就便 (2020 guide 六(一)): partners of the same county first, 基层 marked.</summary>
    [HttpGet("new")]
    [Authorize(Policy = PortalPolicies.ElderCareStaff)]
    public async Task<IActionResult> New(string? q) => View(Views + "New.cshtml", await NewPageAsync(q, null));

    [HttpPost("new")]
    [Authorize(Policy = PortalPolicies.ElderCareStaff)]
    public async Task<IActionResult> Create(AgreementTemplate? template, Guid? partner)
    {
        var home = await db.ElderCareInstitutions.SingleOrDefaultAsync(i => i.Id == Me.ElderCareInstitutionId && i.IsActive);
        var medical = partner is { } p ? await db.MedicalInstitutions.SingleOrDefaultAsync(i => i.Id == p && i.IsActive) : null;
        if (home is null || medical is null || template is not { } t || !Enum.IsDefined(t))
        {
            return View(Views + "New.cshtml", await NewPageAsync(null, "请选择协议模板和合作医疗机构。"));
        }

        var county = await db.Counties.SingleAsync(c => c.Id == home.CountyId);
        var agreement = Agreement.Draft(
            TenantId, home.Id, medical.Id, t, await DocumentCounters.NextAsync(db, county.DivisionCode, workflow.Now, HttpContext.RequestAborted),
            AgreementTerms.Prefilled(t, county, home, medical), workflow.Actor(Me));
        db.Agreements.Add(agreement);
        await workflow.SaveAsync(agreement, null);

        Flash(L["已创建协议草稿 {0}，请填写协议内容并选择服务项目。", agreement.DocumentNumber]);
        return Redirect($"~/agreements/{agreement.Id}/edit");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id) =>
        await workflow.FindAsync(id, Me) is { } agreement
            ? View(Views + "Detail.cshtml", await details.BuildAsync(agreement, User))
            : NotFound();

    [HttpGet("{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, bool inline = false)
    {
        if (await workflow.FindAsync(id, Me) is not { } agreement)
        {
            return NotFound();
        }

        var bytes = await workflow.PdfAsync(agreement);
        return inline
            ? AgreementPdfResult.Inline(this, bytes, agreement.DocumentNumber)
            : AgreementPdfResult.Download(this, bytes, agreement.DocumentNumber);
    }

    private async Task<NewAgreementPage> NewPageAsync(string? search, string? error)
    {
        var home = await db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == Me.ElderCareInstitutionId);
        var partners = db.MedicalInstitutions.AsNoTracking().Where(m => m.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            partners = partners.Where(m => EF.Functions.ILike(m.Name, Paging.ContainsPattern(search.Trim())));
        }

        var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
        var rows = await partners
            .OrderByDescending(m => m.CountyId == home.CountyId).ThenByDescending(m => primaryKinds.Contains(m.Kind)).ThenBy(m => m.Name)
            .Take(50)
            .Join(db.Counties, m => m.CountyId, c => c.Id, (m, c) => new PartnerOption(
                m.Id, m.Name, c.Name, m.CountyId == home.CountyId, primaryKinds.Contains(m.Kind), m.Kind, m.Grade))
            .ToListAsync();
        return new NewAgreementPage(rows, search, error);
    }
}
