using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record ElderCareRow(
    Guid Id, string Name, ElderCareInstitutionKind Kind, string County, string? CreditCode, int Beds, int Residents,
    bool HasInternalMedical, bool IsActive);

/// <summary>The tenant admin's register of 养老服务机构.</summary>
[Route("admin/institutions/eldercare")]
public sealed class ElderCareInstitutionsController(PortalDbContext db)
    : InstitutionRegisterController<ElderCareInstitution, ElderCareForm, ElderCareRow>(db)
{
    protected override string ViewPrefix => "ElderCare";

    protected override DbSet<ElderCareInstitution> Set => Db.ElderCareInstitutions;

    protected override Expression<Func<ElderCareInstitution, County, ElderCareRow>> Row => (i, c) => new ElderCareRow(
        i.Id, i.Name, i.Kind, c.Name, i.CreditCode, i.Beds, i.Residents, i.HasInternalMedicalInstitution, i.IsActive);

    protected override IQueryable<ElderCareInstitution> Filter(IQueryable<ElderCareInstitution> institutions, InstitutionListQuery query) =>
        query.KindAs<ElderCareInstitutionKind>() is { } kind ? institutions.Where(i => i.Kind == kind) : institutions;

    protected override ElderCareForm FormOf(ElderCareInstitution institution) => ElderCareForm.From(institution);

    protected override ElderCareInstitution NewInstitution(ElderCareForm form) => new(TenantId, form.ToDetails());

    protected override void Apply(ElderCareInstitution institution, ElderCareForm form) => institution.Update(form.ToDetails());

    /// <summary>ADR 051: an active home's 备案（登记）号 is not another active home's in the city.</summary>
    protected override async Task CheckMoreAsync(ElderCareForm form, Guid? self, bool active)
    {
        var number = form.RegistrationNumber?.Trim();
        if (active && !string.IsNullOrEmpty(number) &&
            await Db.ElderCareInstitutions.Where(i => i.RegistrationNumber == number && i.IsActive && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync() is { } holder)
        {
            ModelState.AddModelError(nameof(form.RegistrationNumber), L["该备案（登记）号已登记为“{0}”。", holder]);
        }
    }
}
