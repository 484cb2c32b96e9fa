using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Public;

public sealed record PublicItem(string Category, string Name, string Frequency, string Price, string Funding);

public sealed record PublicAgreement(string DocumentNumber, string Partner, string PartnerCounty, string Term, string? Fees, IReadOnlyList<PublicItem> Items);

public sealed record PublicInstitution(string Name, string County, string Kind, string Address, IReadOnlyList<PublicAgreement> Agreements);

public sealed record PublicListPage(bool Medical, Guid? County, IReadOnlyList<(Guid Id, string Name)> Counties, Paged<PublicInstitution> Page, string TenantName);

/// <summary>
/// 公示 (2020 guide 九(三); 2024 guide 一(二)): civil affairs publish the 养老机构 that provide medical services
/// through agreements, health bureaus the medical institutions that serve elder care, with the service items and
/// fee rules of their effective agreements. Institution-level data only: no contacts, no residents, no people.
/// </summary>
[AllowAnonymous]
[Route("public")]
public sealed class PublicListController(PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? tab, Guid? county, int page = 1)
    {
        var medical = tab == "medical";
        var effective = db.Agreements.Where(a => a.Status == AgreementStatus.Effective);
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
            var query = db.ElderCareInstitutions.AsNoTracking()
                .Where(e => e.IsActive && effective.Any(a => a.ElderCareInstitutionId == e.Id) && (county == null || e.CountyId == county));
            var ids = await query.ToPageAsync(q => q.OrderBy(e => e.Name).ThenBy(e => e.Id).Select(e => new { e.Id, e.Name, e.CountyId, e.Kind, e.Address }), page);
            var agreements = await AgreementsAsync(effective.Where(a => ids.Rows.Select(r => r.Id).Contains(a.ElderCareInstitutionId)), names, a => a.MedicalInstitutionId, partnerIsMedical: true);
            paged = new Paged<PublicInstitution>(
                ids.Rows.Select(r => new PublicInstitution(r.Name, names[r.CountyId], Labels.Of(r.Kind), r.Address, agreements.GetValueOrDefault(r.Id, []))).ToList(),
                ids.Total, ids.Page, ids.Pages);
        }

        return View("~/Features/Public/Index.cshtml", new PublicListPage(
            medical, county, counties.Select(c => (c.Id, c.Name)).ToList(), paged, HttpContext.GetTenant()?.Name ?? string.Empty));
    }

    /// <summary>附件1's fee clauses: the annual health-service fee and the consultation fee per visit by title.</summary>
    private static string? FeeRules(AgreementTerms terms)
    {
        var parts = new List<string>();
        if (terms.AnnualHealthServiceFee is { } fee) { parts.Add($"年度健康服务费 {Amounts.Yuan(fee)} 元（上、下半年各付一半）"); }
        if (terms.SeniorConsultationFee is { } s) { parts.Add($"会诊费 正高 {Amounts.Yuan(s)} 元/次"); }
        if (terms.AssociateSeniorConsultationFee is { } a) { parts.Add($"副高 {Amounts.Yuan(a)} 元/次"); }
        if (terms.IntermediateConsultationFee is { } i) { parts.Add($"中级 {Amounts.Yuan(i)} 元/次"); }
        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    /// <summary>The term, marked 已签署·待生效 while it has not started.</summary>
    private string Term(Agreement a) => a.Terms.Term is { } term
        ? $"{term.From:yyyy-MM-dd} 至 {term.To:yyyy-MM-dd}"
          + (a.IsSignedNotYetInForce(Domain.Common.BeijingTime.Today(clock.GetUtcNow())) ? $"（{AgreementStatusLabels.SignedNotYetInForce}）" : string.Empty)
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
                FeeRules(a.Terms),
                a.IncludedItems.Select(i => new PublicItem(
                    CatalogueLabels.Of(i.Category), i.Name, CatalogueLabels.Frequency(i.Frequency, i.Unit),
                    CatalogueLabels.Price(i.UnitPrice, i.Unit), CatalogueLabels.Of(i.Funding))).ToList())).ToList());
    }
}
