using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.SixOnes;

/// <summary>A home and its 六个一 lines.</summary>
public sealed record HomeSixOnes(Guid HomeId, Guid CountyId, string Name, SixOnesFacts Facts)
{
    public IReadOnlyList<SixOneLine> Lines { get; } = Domain.Fulfilment.SixOnes.Of(Facts);
}

/// <summary>
/// Loads what <see cref="SixOnes"/> needs for a set of homes in a few grouped queries (the home's card and the
/// regulators' table ask the same question, ADR 036). Services are counted on the partitioned table by date range,
/// so only the months of the window are read (ADR 033).
/// </summary>
public sealed class SixOnesQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<HomeSixOnes>> ForAsync(IQueryable<ElderCareInstitution> homes, DateOnly today, CancellationToken cancellationToken)
    {
        var list = await homes.AsNoTracking()
            .Select(h => new { h.Id, h.CountyId, h.Name, h.Kind, h.Residents, h.HasInternalMedicalInstitution, h.IsApplyingForInternalMedicalInstitution })
            .ToListAsync(cancellationToken);
        var ids = homes.Select(h => h.Id);
        var partners = await PartnersAsync(ids, today, cancellationToken);

        var windowStart = Domain.Fulfilment.SixOnes.OnSiteWindowStart(today);
        var services = await (from r in db.ServiceRecords
                              join a in db.Agreements on r.AgreementId equals a.Id
                              where r.ServiceDate >= windowStart && r.ServiceDate <= today && r.Status == ServiceRecordStatus.Confirmed
                                    && ids.Contains(a.ElderCareInstitutionId)
                              group r by a.ElderCareInstitutionId into g
                              select new { Home = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Home, x => x.Count, cancellationToken);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var green = await db.GreenChannelUses.Where(u => ids.Contains(u.ElderCareInstitutionId) && u.UsedOn >= yearStart && u.UsedOn <= today)
            .GroupBy(u => u.ElderCareInstitutionId).Select(g => new { Home = g.Key, Residents = g.Sum(u => u.Residents) })
            .ToDictionaryAsync(x => x.Home, x => x.Residents, cancellationToken);
        var training = await db.TrainingSessions.Where(t => ids.Contains(t.ElderCareInstitutionId) && t.HeldOn >= yearStart && t.HeldOn <= today)
            .GroupBy(t => t.ElderCareInstitutionId).Select(g => new { Home = g.Key, Sessions = g.Count(), Attendees = g.Sum(t => t.Attendees) })
            .ToDictionaryAsync(x => x.Home, cancellationToken);
        var checks = await db.HealthChecks.AsNoTracking().Where(c => ids.Contains(c.ElderCareInstitutionId) && c.Year == today.Year)
            .ToDictionaryAsync(c => c.ElderCareInstitutionId, cancellationToken);

        return list.Select(h => new HomeSixOnes(h.Id, h.CountyId, h.Name, new SixOnesFacts(
            h.Kind, h.Residents,
            h.HasInternalMedicalInstitution ? InternalMedicalStatus.Established
                : h.IsApplyingForInternalMedicalInstitution ? InternalMedicalStatus.Applying : InternalMedicalStatus.None,
            partners.GetValueOrDefault(h.Id, []),
            services.GetValueOrDefault(h.Id),
            green.GetValueOrDefault(h.Id),
            checks.GetValueOrDefault(h.Id),
            training.TryGetValue(h.Id, out var t) ? t.Sessions : 0,
            t?.Attendees ?? 0))).ToList();
    }

    /// <summary>
    /// The homes' agreements in force today (已生效 and begun; a 补充协议 shares its original's term). A green channel is
    /// agreed by 附件1 条款五 (开设就诊绿色通道, fixed text of the template) or by an item of 急诊急救绿色通道服务
    /// (2020 guide 三(九)).
    /// </summary>
    private async Task<Dictionary<Guid, List<SixOnesPartner>>> PartnersAsync(IQueryable<Guid> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
        var rows = await db.Agreements.AsNoTracking()
            .Where(a => ids.Contains(a.ElderCareInstitutionId) && a.Status == AgreementStatus.Effective && a.SupplementToId == null)
            .Select(a => new
            {
                a.Id,
                a.ElderCareInstitutionId,
                a.Terms,
                a.Template,
                a.MedicalInstitutionId,
                Medical = db.MedicalInstitutions.Where(m => m.Id == a.MedicalInstitutionId).Select(m => new { m.Name, m.Kind }).First(),
                GreenItem = a.Items.Any(i => i.Category == ServiceCategory.EmergencyGreenChannel && i.ReviewState != ItemReviewState.Rejected),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(a => !(a.Terms.Term?.From > today))
            .GroupBy(a => a.ElderCareInstitutionId)
            .ToDictionary(g => g.Key, g => g.Select(a => new SixOnesPartner(
                a.Id, a.MedicalInstitutionId, a.Medical.Name, primaryKinds.Contains(a.Medical.Kind),
                a.GreenItem || a.Template == AgreementTemplate.MedicalElderCareConsortium)).ToList());
    }
}
