namespace YiyangPortal.Domain.Institutions;

/// <summary>Everything the tenant admin keeps about a 养老服务机构 (create, edit, import use the same shape).</summary>
public sealed record ElderCareInstitutionDetails(
    Guid CountyId,
    string Name,
    ElderCareInstitutionKind Kind,
    string RegistrationNumber,
    UnifiedSocialCreditCode CreditCode,
    int Beds,
    int Residents,
    bool HasInternalMedicalInstitution,
    InstitutionContact Contact);
