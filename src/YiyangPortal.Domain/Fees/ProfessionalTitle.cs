namespace YiyangPortal.Domain.Fees;

/// <summary>
/// 专业技术职称, highest first: 正高, 副高, 中级 set the consultation fee (Shaoxing template 附件1 三: 正高/副高/中级 元/次);
/// 初级 is held by staff on the roster who may deliver services no clause reserves for 中级 and above.
/// </summary>
public enum ProfessionalTitle
{
    /// <summary>正高.</summary>
    Senior = 1,

    /// <summary>副高.</summary>
    AssociateSenior = 2,

    /// <summary>中级.</summary>
    Intermediate = 3,

    /// <summary>初级 (师级/士级): no consultation fee of its own.</summary>
    Junior = 4,
}

/// <summary>The order of titles and which of them carry a consultation fee.</summary>
public static class ProfessionalTitles
{
    /// <summary>The titles 附件1 三 prices a consultation for, highest first.</summary>
    public static IReadOnlyList<ProfessionalTitle> WithConsultationFee { get; } =
        [ProfessionalTitle.Senior, ProfessionalTitle.AssociateSenior, ProfessionalTitle.Intermediate];

    /// <summary>"中级职称及以上" (附件1 一、二): whether <paramref name="title"/> is <paramref name="required"/> or higher.</summary>
    public static bool IsAtLeast(this ProfessionalTitle title, ProfessionalTitle required) =>
        Enum.IsDefined(title) && (int)title <= (int)required;

    /// <summary>"中级" — the title's Chinese name as messages print it.</summary>
    public static string ToChinese(this ProfessionalTitle title) => title switch
    {
        ProfessionalTitle.Senior => "正高",
        ProfessionalTitle.AssociateSenior => "副高",
        ProfessionalTitle.Intermediate => "中级",
        ProfessionalTitle.Junior => "初级",
        _ => "未知职称",
    };
}
