using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests;

/// <summary>Valid institutions with only what a test cares about varied.</summary>
internal static class TestInstitutions
{
    public static readonly Guid Tenant = Guid.NewGuid();
    public static readonly UnifiedSocialCreditCode Code = UnifiedSocialCreditCode.Complete("52330602MJ0000001");

    public static InstitutionContact Contact { get; } = new("绍兴市越城区解放北路 188 号", "王建国", "李秀英", "0575-88000001");

    public static ElderCareInstitutionDetails ElderCareDetails(
        ElderCareInstitutionKind kind = ElderCareInstitutionKind.NursingHome, int beds = 200, int residents = 86,
        bool hasInternal = false, string name = "福乐养老院") =>
        new(Guid.NewGuid(), name, kind, "330602YL2024001", Code, beds, residents, hasInternal, Contact);

    public static ElderCareInstitution ElderCare(
        ElderCareInstitutionKind kind = ElderCareInstitutionKind.NursingHome, int beds = 200, int residents = 86,
        bool hasInternal = false) =>
        new(Tenant, ElderCareDetails(kind, beds, residents, hasInternal));

    public static MedicalInstitutionDetails MedicalDetails(
        MedicalInstitutionKind kind = MedicalInstitutionKind.CommunityHealthCenter,
        HospitalGrade? grade = null, bool tcm = false, bool insurance = true, string name = "塔山街道社区卫生服务中心") =>
        new(Guid.NewGuid(), name, kind, grade ?? DefaultGrade(kind), "PDY0000133060212A1001", null, tcm, insurance, Contact);

    /// <summary>一级, or 未定级 for the kinds that carry no grade (<see cref="MedicalInstitutionKindRules.GradeProblem"/>).</summary>
    private static HospitalGrade DefaultGrade(MedicalInstitutionKind kind) =>
        kind.GradeProblem(HospitalGrade.Level1) is null ? HospitalGrade.Level1 : HospitalGrade.Ungraded;

    public static MedicalInstitution Medical(
        MedicalInstitutionKind kind = MedicalInstitutionKind.CommunityHealthCenter,
        HospitalGrade? grade = null, bool tcm = false, bool insurance = true) =>
        new(Tenant, MedicalDetails(kind, grade, tcm, insurance));
}
