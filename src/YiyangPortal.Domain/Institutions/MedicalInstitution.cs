using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>医疗卫生机构 — party 乙方 of an agreement.</summary>
public sealed class MedicalInstitution : ITenantOwned
{
    private MedicalInstitution()
    {
        Name = string.Empty;
        Address = string.Empty;
    }

    public MedicalInstitution(
        Guid tenantId, Guid countyId, string name, MedicalInstitutionKind kind, HospitalGrade grade, string address)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        CountyId = countyId;
        Name = InstitutionRules.RequireName(name);
        Kind = kind;
        Grade = grade;
        Address = address.Trim();
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public MedicalInstitutionKind Kind { get; private set; }

    public HospitalGrade Grade { get; private set; }

    public string Address { get; private set; }

    /// <summary>中医药 qualification: required for 中医药服务 items (2020 guide 三(五)).</summary>
    public bool HasTcmQualification { get; set; }

    /// <summary>医保定点.</summary>
    public bool IsMedicalInsuranceDesignated { get; set; }

    public bool IsActive { get; private set; }

    /// <summary>基层 — derived from the kind.</summary>
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();
}
