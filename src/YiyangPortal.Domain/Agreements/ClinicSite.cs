namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 附件1 一 建立医疗服务站点: the clause applies where 甲方内设医疗机构 or 乙方延伸设置医务室 (绍市民〔2024〕6号 二.2
/// supports both). The drafter says which; the PDF prints it where clause 一 names the site.
/// </summary>
public enum ClinicSite
{
    /// <summary>甲方内设医疗机构.</summary>
    InternalMedicalInstitution = 1,

    /// <summary>乙方延伸设置医务室.</summary>
    ExtendedClinicRoom = 2,
}

/// <summary>Chinese wording of <see cref="ClinicSite"/>, as clause 一 words the two cases.</summary>
public static class ClinicSiteLabels
{
    public static string ToChinese(this ClinicSite site) => site switch
    {
        ClinicSite.InternalMedicalInstitution => "甲方内设医疗机构",
        ClinicSite.ExtendedClinicRoom => "乙方延伸设置医务室",
        _ => "未约定",
    };
}
