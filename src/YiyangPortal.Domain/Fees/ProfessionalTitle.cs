namespace YiyangPortal.Domain.Fees;

/// <summary>Professional titles that set the consultation fee (Shaoxing template 附件1 三: 正高/副高/中级 元/次).</summary>
public enum ProfessionalTitle
{
    /// <summary>正高.</summary>
    Senior = 1,

    /// <summary>副高.</summary>
    AssociateSenior = 2,

    /// <summary>中级.</summary>
    Intermediate = 3,
}
