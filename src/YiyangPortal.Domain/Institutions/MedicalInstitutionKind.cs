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
}
