using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record MedicalRow(
    Guid Id, string Name, MedicalInstitutionKind Kind, HospitalGrade Grade, string County, string LicenseNumber, bool Tcm,
    bool Insurance, bool IsActive)
{
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();
}

/// <summary>The tenant admin's register of 医疗卫生机构: also filtered by grade and 基层; the licence number is unique.</summary>
[Route("admin/institutions/medical")]
public sealed class MedicalInstitutionsController(PortalDbContext db)
    : InstitutionRegisterController<MedicalInstitution, MedicalForm, MedicalRow>(db)
{
    protected override string ViewPrefix => "Medical";

    protected override DbSet<MedicalInstitution> Set => Db.MedicalInstitutions;

    protected override Expression<Func<MedicalInstitution, County, MedicalRow>> Row => (i, c) => new MedicalRow(
        i.Id, i.Name, i.Kind, i.Grade, c.Name, i.LicenseNumber, i.HasTcmQualification, i.IsMedicalInsuranceDesignated, i.IsActive);

    protected override IQueryable<MedicalInstitution> Filter(IQueryable<MedicalInstitution> institutions, InstitutionListQuery query)
    {
        if (query.KindAs<MedicalInstitutionKind>() is { } kind)
        {
            institutions = institutions.Where(i => i.Kind == kind);
        }

        if (Enum.TryParse<HospitalGrade>(query.Grade, out var grade) && Enum.IsDefined(grade))
        {
            institutions = institutions.Where(i => i.Grade == grade);
        }

        if (query.Primary is { } primary)
        {
            var primaryKinds = MedicalInstitutionKindRules.PrimaryLevelKinds;
            institutions = institutions.Where(i => primaryKinds.Contains(i.Kind) == primary);
        }

        return institutions;
    }

    protected override MedicalForm FormOf(MedicalInstitution institution) => MedicalForm.From(institution);

    protected override MedicalInstitution NewInstitution(MedicalForm form) => new(TenantId, form.ToDetails());

    protected override void Apply(MedicalInstitution institution, MedicalForm form) => institution.Update(form.ToDetails());

    protected override async Task CheckMoreAsync(MedicalForm form, Guid? self, bool active)
    {
        var license = form.LicenseNumber?.Trim();
        if (await Db.MedicalInstitutions.Where(i => i.LicenseNumber == license && i.Id != self).Select(i => i.Name).FirstOrDefaultAsync() is { } licensee)
        {
            ModelState.AddModelError(nameof(form.LicenseNumber), L["该登记号已登记为“{0}”。", licensee]);
        }
    }
}
