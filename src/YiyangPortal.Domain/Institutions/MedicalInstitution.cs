using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>医疗卫生机构 — party 乙方 of an agreement. Its 统一社会信用代码 is optional (a 村卫生室 often has none).</summary>
public sealed class MedicalInstitution : Institution
{
    private MedicalInstitution()
    {
        LicenseNumber = string.Empty;
    }

    public MedicalInstitution(Guid tenantId, MedicalInstitutionDetails details)
        : base(tenantId)
    {
        LicenseNumber = string.Empty;
        Update(details);
    }

    public MedicalInstitutionKind Kind { get; private set; }

    public HospitalGrade Grade { get; private set; }

    /// <summary>医疗机构执业许可证登记号, or the clinic's 备案 number.</summary>
    public string LicenseNumber { get; private set; }

    /// <summary>中医药 qualification: required for 中医药服务 items (2020 guide 三(五)).</summary>
    public bool HasTcmQualification { get; private set; }

    /// <summary>医保定点.</summary>
    public bool IsMedicalInsuranceDesignated { get; private set; }

    /// <summary>基层 — derived from the kind.</summary>
    public bool IsPrimaryLevel => Kind.IsPrimaryLevel();

    /// <summary>The tenant admin's edit: every field.</summary>
    public void Update(MedicalInstitutionDetails details)
    {
        SetIdentity(details.CountyId, details.Name, details.CreditCode);
        if (details.Kind.GradeProblem(details.Grade) is { } problem)
        {
            throw new DomainException(problem);
        }

        Kind = details.Kind;
        Grade = details.Grade;
        LicenseNumber = InstitutionRules.RequireRegistration(details.LicenseNumber, "执业许可证登记号（备案号）");
        HasTcmQualification = details.HasTcmQualification;
        IsMedicalInsuranceDesignated = details.IsMedicalInsuranceDesignated;
        SetContact(details.Contact);
    }

    /// <summary>The institution's own edit: contact only; qualifications gate the service rules.</summary>
    public void UpdateProfile(InstitutionContact contact) => SetContact(contact);
}
