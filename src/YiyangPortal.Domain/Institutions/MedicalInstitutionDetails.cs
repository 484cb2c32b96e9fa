namespace YiyangPortal.Domain.Institutions;

/// <summary>Everything the tenant admin keeps about a 医疗卫生机构 (create, edit, import use the same shape).</summary>
public sealed record MedicalInstitutionDetails(
    Guid CountyId,
    string Name,
    MedicalInstitutionKind Kind,
    HospitalGrade Grade,
    string LicenseNumber,
    UnifiedSocialCreditCode? CreditCode,
    bool HasTcmQualification,
    bool IsMedicalInsuranceDesignated,
    InstitutionContact Contact);
