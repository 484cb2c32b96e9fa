using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// A clause of a template or of the 2020 guide that a schedule item is bound to (the item's catalogue code
/// names it, see <see cref="TemplateClauses.ForCatalogueCode"/>). 附件1 一 (坐诊 ___次/月) and 二 (医疗查房 ___次/月)
/// repeat their number in the terms: the agreement keeps the clause and its item at one value, so the PDF can never
/// print two different numbers (ADR 018). 附件2 二.3 and 2020 guide 三(一) set a minimum the item may not go below;
/// 三(十二) presupposes the home's 内设医疗卫生机构 (ADR 026).
/// </summary>
public enum TemplateClause
{
    /// <summary>附件1 一: 坐诊咨询 sessions per month.</summary>
    ClinicSessions = 1,

    /// <summary>附件1 二: 医疗查房 rounds per month.</summary>
    WardRounds = 2,

    /// <summary>附件2 二.3: 慢性病规范化管理, 每年不少于 4 次随访.</summary>
    ChronicFollowUps = 3,

    /// <summary>2020 guide 三(一): 医养结合服务（每年两次）.</summary>
    YiyangCombinedService = 4,

    /// <summary>2020 guide 三(十二): 继续医学教育 for the medical staff of the home's 内设医疗卫生机构.</summary>
    ContinuingMedicalEducation = 5,
}

/// <summary>Which catalogue items a clause binds (by their standard code), how each clause is named and what it asks.</summary>
public static class TemplateClauses
{
    public static TemplateClause? ForCatalogueCode(string? code) => code switch
    {
        "SX1-CLINIC" => TemplateClause.ClinicSessions,
        "SX1-ROUNDS" => TemplateClause.WardRounds,
        "SX2-CHRONIC-FOLLOWUP" => TemplateClause.ChronicFollowUps,
        "BPH-YIYANG" => TemplateClause.YiyangCombinedService,
        "TRAIN-CME" => TemplateClause.ContinuingMedicalEducation,
        _ => null,
    };

    /// <summary>"条款一的坐诊次数" — how messages name the clause.</summary>
    public static string ToChinese(this TemplateClause clause) => clause switch
    {
        TemplateClause.ClinicSessions => "条款一的每月坐诊次数",
        TemplateClause.WardRounds => "条款二的每月查房次数",
        TemplateClause.ChronicFollowUps => "绍兴附件2 二.3",
        TemplateClause.YiyangCombinedService => "2020指南 三（一）",
        TemplateClause.ContinuingMedicalEducation => "2020指南 三（十二）",
        _ => "协议条款",
    };

    /// <summary>Whether the clause's number is a blank of the terms that its item repeats (附件1 一、二).</summary>
    public static bool RepeatsInTerms(this TemplateClause clause) =>
        clause is TemplateClause.ClinicSessions or TemplateClause.WardRounds;

    /// <summary>
    /// The fewest times a year the clause allows: 附件2 二.3 每年不少于 4 次随访; 2020 guide 三(一) 医养结合服务 每年两次.
    /// Both say how often the service is given, so a lower number is refused, not warned about. 0: no minimum.
    /// </summary>
    public static int MinimumPerYear(this TemplateClause clause) => clause switch
    {
        TemplateClause.ChronicFollowUps => 4,
        TemplateClause.YiyangCombinedService => 2,
        _ => 0,
    };

    /// <summary>
    /// Why <paramref name="frequency"/> (per the unit's period) is below what the clause asks, or null. 0 is left to
    /// the completeness check (a draft may leave it open). The count compared is the yearly one, whatever the unit.
    /// </summary>
    public static DomainMessage? FrequencyProblem(this TemplateClause? clause, string itemName, int frequency, ServiceUnit unit)
    {
        var minimum = clause?.MinimumPerYear() ?? 0;
        if (clause is not { } c || frequency <= 0 || frequency * ItemFrequency.PeriodsPerYear(unit) >= minimum)
        {
            return null;
        }

        return new DomainMessage("“{0}”每年不少于 {1} 次（{2}），当前为 {3}。", itemName, minimum, c.ToChinese(), ItemFrequency.Format(frequency, unit));
    }

    /// <summary>
    /// 附件1 一、二: why an added 坐诊/查房 item cannot take <paramref name="frequency"/>, or null. The clause is the
    /// contract's wording and already holds the number (次/月), so adding the item never rewrites it (ADR 050): the item
    /// takes the clause's number, and another number is changed at the clause, where the drafter sees what it means.
    /// </summary>
    public static DomainMessage? AddedItemConflict(
        this AgreementTerms terms, AgreementTemplate template, TemplateClause? clause, string itemName, int frequency)
    {
        if (template != AgreementTemplate.MedicalElderCareConsortium || clause is not { } c || !c.RepeatsInTerms()
            || terms.NumberOf(c) is not { } number || number <= 0 || number == frequency)
        {
            return null;
        }

        return new DomainMessage(
            "“{0}”的频次就是{1}（现为 {2} 次/月）。请留空或填写 {2}；如确需每月 {3} 次，请先修改{1}。", itemName, new DomainMessage(c.ToChinese()), number, frequency);
    }

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
