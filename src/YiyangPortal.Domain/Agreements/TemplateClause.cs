namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// A clause of 附件1 whose number the schedule repeats: 一 (坐诊 ___次/月) and 二 (医疗查房 ___次/月). The agreement keeps
/// the clause and its schedule item at one value, so the PDF can never print two different numbers.
/// </summary>
public enum TemplateClause
{
    /// <summary>附件1 一: 坐诊咨询 sessions per month.</summary>
    ClinicSessions = 1,

    /// <summary>附件1 二: 医疗查房 rounds per month.</summary>
    WardRounds = 2,
}

/// <summary>Which catalogue items repeat a clause (by their standard code) and how each clause is named.</summary>
public static class TemplateClauses
{
    public static TemplateClause? ForCatalogueCode(string? code) => code switch
    {
        "SX1-CLINIC" => TemplateClause.ClinicSessions,
        "SX1-ROUNDS" => TemplateClause.WardRounds,
        _ => null,
    };

    /// <summary>"条款一的坐诊次数" — how messages name the clause.</summary>
    public static string ToChinese(this TemplateClause clause) => clause switch
    {
        TemplateClause.ClinicSessions => "条款一的每月坐诊次数",
        TemplateClause.WardRounds => "条款二的每月查房次数",
        _ => "协议条款",
    };

    /// <summary>The <see cref="AgreementTerms"/> property that holds the clause's number.</summary>
    public static string TermsField(this TemplateClause clause) => clause switch
    {
        TemplateClause.ClinicSessions => nameof(AgreementTerms.ClinicSessionsPerMonth),
        TemplateClause.WardRounds => nameof(AgreementTerms.WardRoundsPerMonth),
        _ => string.Empty,
    };

    public static int? NumberOf(this AgreementTerms terms, TemplateClause clause) => clause switch
    {
        TemplateClause.ClinicSessions => terms.ClinicSessionsPerMonth,
        TemplateClause.WardRounds => terms.WardRoundsPerMonth,
        _ => null,
    };

    public static AgreementTerms WithNumber(this AgreementTerms terms, TemplateClause clause, int value) => clause switch
    {
        TemplateClause.ClinicSessions => terms with { ClinicSessionsPerMonth = value },
        TemplateClause.WardRounds => terms with { WardRoundsPerMonth = value },
        _ => terms,
    };
}
