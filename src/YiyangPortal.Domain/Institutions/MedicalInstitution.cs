using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>医疗卫生机构 — party 乙方 of an agreement.</summary>
public sealed class MedicalInstitution : ITenantOwned, IRecordsChanges
{
    private MedicalInstitution()
    {
        Name = string.Empty;
        Address = string.Empty;
        LicenseNumber = string.Empty;
        LegalRepresentative = string.Empty;
        ContactPerson = string.Empty;
        ContactPhone = string.Empty;
    }

    public MedicalInstitution(Guid tenantId, MedicalInstitutionDetails details)
        : this()
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Update(details);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public MedicalInstitutionKind Kind { get; private set; }

    public HospitalGrade Grade { get; private set; }

    /// <summary>医疗机构执业许可证登记号, or the clinic's 备案 number.</summary>
    public string LicenseNumber { get; private set; }

    /// <summary>统一社会信用代码 where the institution has one (a 村卫生室 often does not).</summary>
    public string? CreditCode { get; private set; }

    public string Address { get; private set; }

    /// <summary>中医药 qualification: required for 中医药服务 items (2020 guide 三(五)).</summary>
    public bool HasTcmQualification { get; private set; }

    /// <summary>医保定点.</summary>
    public bool IsMedicalInsuranceDesignated { get; private set; }

    /// <summary>法定代表人.</summary>
    public string LegalRepresentative { get; private set; }

    public string ContactPerson { get; private set; }

    public string ContactPhone { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>基层 — derived from the kind.</summary>
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();

    public InstitutionContact Contact => new(Address, LegalRepresentative, ContactPerson, ContactPhone);

    /// <summary>The tenant admin's edit: every field.</summary>
    public void Update(MedicalInstitutionDetails details)
    {
        CountyId = details.CountyId;
        Name = InstitutionRules.RequireName(details.Name);
        Kind = details.Kind;
        Grade = details.Grade;
        LicenseNumber = InstitutionRules.RequireRegistration(details.LicenseNumber, "执业许可证登记号（备案号）");
        CreditCode = details.CreditCode?.Value;
        HasTcmQualification = details.HasTcmQualification;
        IsMedicalInsuranceDesignated = details.IsMedicalInsuranceDesignated;
        UpdateProfile(details.Contact);
    }

    /// <summary>The institution's own edit: contact only; qualifications gate the service rules.</summary>
    public void UpdateProfile(InstitutionContact contact)
    {
        var normalized = contact.Normalized();
        Address = normalized.Address;
        LegalRepresentative = normalized.LegalRepresentative;
        ContactPerson = normalized.ContactPerson;
        ContactPhone = normalized.ContactPhone;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
