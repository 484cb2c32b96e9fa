using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Public;

public sealed record PublicItem(string Category, string Name, string Frequency, string Price, string Funding);

public sealed record PublicAgreement(string DocumentNumber, string Partner, string PartnerCounty, string Term, string? Fees, IReadOnlyList<PublicItem> Items);

/// <param name="InternalMedical">养老机构 with a 内设医疗机构: it provides medical services without an agreement too.</param>
public sealed record PublicInstitution(
    string Name, string County, string Kind, string Address, IReadOnlyList<PublicAgreement> Agreements, bool InternalMedical = false);

/// <summary>One of the two lists of 2024 guide 一(二), with who publishes it and on which day.</summary>
public sealed record PublicListPage(
    bool Medical, Guid? County, IReadOnlyList<(Guid Id, string Name)> Counties, Paged<PublicInstitution> Page, string TenantName,
    string Publisher, DateOnly PublishedOn)
{
    /// <summary>2024 guide 一(二): 卫生健康行政部门…公布提供养老服务的医疗卫生机构名单，民政部门…公布提供医疗服务的养老机构名单.</summary>
    public string Title => Medical ? "提供养老服务的医疗卫生机构名单" : "提供医疗服务的养老机构名单";
}

/// <summary>
/// 公示, following the 2024 text (国卫老龄发〔2024〕40号 一(二)): the health bureaus' list of medical institutions that
/// provide elder-care services, and the civil-affairs bureaus' list of 养老机构 that provide medical services — through
/// a 内设医疗机构 or an agreement in force — each with its publisher and publication date; with the service content
/// and fee rules of the agreements (2020 guide 九(三)). Institution-level data only: no contacts, no residents, no
/// people. The home-to-clinic 年度健康服务费 is shown only where both parties agreed to publish it.
/// </summary>
[AllowAnonymous]
[Route("public")]
public sealed class PublicListController(PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? tab, Guid? county, int page = 1)
    {
        var medical = tab == "medical";
        // The content in force once per partnership: an original superseded by a supplement in force (2020 guide 九(二))
        // is shown as the latest supplement restates it.
        var effective = db.Agreements.Where(a => a.Status == AgreementStatus.Effective
            && !db.Agreements.Any(s => s.Status == AgreementStatus.Effective && s.Id != a.Id && s.SupplementToId != null
                && (s.SupplementToId == a.Id || (s.SupplementToId == a.SupplementToId && s.EffectiveAtUtc > a.EffectiveAtUtc))));
        var counties = await db.Counties.AsNoTracking().OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.Name }).ToListAsync();
        var names = counties.ToDictionary(c => c.Id, c => c.Name);

        Paged<PublicInstitution> paged;
        if (medical)
        {
            var query = db.MedicalInstitutions.AsNoTracking()
                .Where(m => m.IsActive && effective.Any(a => a.MedicalInstitutionId == m.Id) && (county == null || m.CountyId == county));
            var ids = await query.ToPageAsync(q => q.OrderBy(m => m.Name).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, m.CountyId, m.Kind, m.Address }), page);
            var agreements = await AgreementsAsync(effective.Where(a => ids.Rows.Select(r => r.Id).Contains(a.MedicalInstitutionId)), names, a => a.ElderCareInstitutionId, partnerIsMedical: false);
            paged = new Paged<PublicInstitution>(
                ids.Rows.Select(r => new PublicInstitution(r.Name, names[r.CountyId], Labels.Of(r.Kind), r.Address, agreements.GetValueOrDefault(r.Id, []))).ToList(),
                ids.Total, ids.Page, ids.Pages);
        }
        else
        {
            // 2024 guide 一(二): 提供医疗服务的养老机构 — by an agreement in force, or by its own 内设医疗机构.
            var query = db.ElderCareInstitutions.AsNoTracking()
                .Where(e => e.IsActive && (county == null || e.CountyId == county)
                            && (effective.Any(a => a.ElderCareInstitutionId == e.Id)
                                || (e.Kind == ElderCareInstitutionKind.NursingHome && e.HasInternalMedicalInstitution)));
            var ids = await query.ToPageAsync(
                q => q.OrderBy(e => e.Name).ThenBy(e => e.Id)
                    .Select(e => new { e.Id, e.Name, e.CountyId, e.Kind, e.Address, e.HasInternalMedicalInstitution }),
                page);
            var agreements = await AgreementsAsync(effective.Where(a => ids.Rows.Select(r => r.Id).Contains(a.ElderCareInstitutionId)), names, a => a.MedicalInstitutionId, partnerIsMedical: true);
            paged = new Paged<PublicInstitution>(
                ids.Rows.Select(r => new PublicInstitution(
                    r.Name, names[r.CountyId], Labels.Of(r.Kind), r.Address, agreements.GetValueOrDefault(r.Id, []), r.HasInternalMedicalInstitution)).ToList(),
                ids.Total, ids.Page, ids.Pages);
        }

        var tenantName = HttpContext.GetTenant()?.Name ?? string.Empty;
        var place = county is { } id && await db.Counties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id) is { } chosen ? chosen : null;
        return View("~/Features/Public/Index.cshtml", new PublicListPage(
            medical, county, counties.Select(c => (c.Id, c.Name)).ToList(), paged, tenantName,
            Publisher(medical, tenantName, place), Domain.Common.BeijingTime.Today(clock.GetUtcNow())));
    }

    /// <summary>
    /// Who publishes the list (2024 guide 一(二)): the county's bureau when a county is chosen, else the city's. Health:
    /// 卫生健康行政部门; civil affairs: 民政部门.
    /// </summary>
    private string Publisher(bool medical, string tenantName, Domain.Tenancy.County? county) => county is { } c
        ? (medical ? c.HealthBureauName : c.CivilAffairsBureauName)
        : L.Named(tenantName, medical ? "卫生健康委员会" : "民政局");

    /// <summary>The term, marked 已签署·待生效 while it has not started.</summary>
    private string Term(Agreement a) => a.Terms.Term is { } term
        ? L.Period(term)
          + (a.IsSignedNotYetInForce(Domain.Common.BeijingTime.Today(clock.GetUtcNow())) ? L["（{0}）", L[AgreementStatusLabels.SignedNotYetInForce].Value] : string.Empty)
        : "—";

    /// <summary>The effective agreements of the shown institutions, keyed by the shown side's id.</summary>
    private async Task<Dictionary<Guid, List<PublicAgreement>>> AgreementsAsync(
        IQueryable<Agreement> agreements, Dictionary<Guid, string> counties, Func<Agreement, Guid> partnerOf, bool partnerIsMedical)
    {
        var list = await agreements.AsNoTracking().Include(a => a.Items).OrderBy(a => a.DocumentNumber).ToListAsync();
        var partnerIds = list.Select(partnerOf).Distinct().ToList();
        var partners = partnerIsMedical
            ? await db.MedicalInstitutions.AsNoTracking().Where(m => partnerIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => (m.Name, m.CountyId))
            : await db.ElderCareInstitutions.AsNoTracking().Where(e => partnerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.Name, e.CountyId));
        return list
            .GroupBy(a => partnerIsMedical ? a.ElderCareInstitutionId : a.MedicalInstitutionId)
            .ToDictionary(g => g.Key, g => g.Select(a => new PublicAgreement(
                a.DocumentNumber, partners[partnerOf(a)].Name, counties[partners[partnerOf(a)].CountyId],
                Term(a),
                a.Terms.PublicFeeRuleMessage() is { } fees ? L.Message(fees) : null,
                a.IncludedItems.Select(i => new PublicItem(
                    L[CatalogueLabels.Of(i.Category)], i.Name, CatalogueLabels.Frequency(i.Frequency, i.Unit, L),
                    CatalogueLabels.Price(i.UnitPrice, i.Unit, L), L[CatalogueLabels.Of(i.Funding)])).ToList())).ToList());
    }
}
