namespace YiyangPortal.Domain.Institutions;

/// <summary>Kinds of 医疗卫生机构 named by the 2020 guide 二(二).</summary>
public enum MedicalInstitutionKind
{
    /// <summary>综合医院.</summary>
    GeneralHospital = 1,

    /// <summary>中医医院.</summary>
    TcmHospital = 2,

    /// <summary>康复医院/康复医疗中心.</summary>
    RehabilitationHospital = 3,

    /// <summary>护理院(站/中心).</summary>
    NursingHospital = 4,

    /// <summary>安宁疗护中心.</summary>
    HospiceCenter = 5,

    /// <summary>乡镇卫生院 (基层).</summary>
    TownshipHealthCenter = 6,

    /// <summary>社区卫生服务中心 (基层).</summary>
    CommunityHealthCenter = 7,

    /// <summary>社区卫生服务站 (基层).</summary>
    CommunityHealthStation = 8,

    /// <summary>村卫生室 (基层).</summary>
    VillageClinic = 9,
}

public static class MedicalInstitutionKindRules
{
    /// <summary>
    /// 基层医疗卫生机构 — primary-level institutions. Shaoxing (绍市民〔2024〕6号) requires every registered 养老机构 to
    /// have at least one of them among its partners, so this is derived from the kind, never entered by hand.
    /// </summary>
    public static bool IsPrimaryLevel(this MedicalInstitutionKind kind) => kind is
        MedicalInstitutionKind.TownshipHealthCenter or
        MedicalInstitutionKind.CommunityHealthCenter or
        MedicalInstitutionKind.CommunityHealthStation or
        MedicalInstitutionKind.VillageClinic;

    /// <summary>The 基层 kinds, for queries that filter in the database (<c>kinds.Contains(m.Kind)</c>).</summary>
    public static IReadOnlyList<MedicalInstitutionKind> PrimaryLevelKinds { get; } =
        Enum.GetValues<MedicalInstitutionKind>().Where(k => k.IsPrimaryLevel()).ToArray();

    /// <summary>
    /// Which 医院等级 a kind may carry (ADR 051). The policy texts name the kinds (2020 guide 二(二)) but not their
    /// grades, so this follows the grading practice (医院分级管理办法; 医疗机构基本标准): 社区卫生服务站 and 村卫生室 are
    /// not graded (未定级 only); 乡镇卫生院 and 社区卫生服务中心 are graded at most 二级 (一级 as a rule, some 中心卫生院
    /// 二级); hospitals, 护理院, 康复 and 安宁疗护 institutions may carry any grade. Null when allowed, else the message.
    /// </summary>
    public static string? GradeProblem(this MedicalInstitutionKind kind, HospitalGrade grade) => kind switch
    {
        MedicalInstitutionKind.CommunityHealthStation or MedicalInstitutionKind.VillageClinic when grade != HospitalGrade.Ungraded =>
            "社区卫生服务站、村卫生室不评定医院等级，请选择“未定级”。",
        MedicalInstitutionKind.TownshipHealthCenter or MedicalInstitutionKind.CommunityHealthCenter when grade == HospitalGrade.Level3 =>
            "乡镇卫生院、社区卫生服务中心的等级最高为二级，请选择未定级、一级或二级。",
        _ => null,
    };
}
