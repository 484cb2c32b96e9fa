using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>The Chinese names of the domain's enumerations; they are also the localization keys.</summary>
public static class Labels
{
    public static string Of(PortalRole role) => role switch
    {
        PortalRole.PlatformAdmin => "平台管理员",
        PortalRole.TenantAdmin => "租户管理员",
        PortalRole.ElderCareStaff => "养老机构工作人员",
        PortalRole.MedicalAdmin => "医疗机构管理员",
        PortalRole.Regulator => "监管人员",
        _ => role.ToString(),
    };

    public static string Of(Bureau bureau) => bureau switch
    {
        Bureau.CivilAffairs => "民政局",
        Bureau.Health => "卫生健康局",
        _ => bureau.ToString(),
    };

    public static string Of(ElderCareInstitutionKind kind) => kind switch
    {
        ElderCareInstitutionKind.NursingHome => "养老机构",
        ElderCareInstitutionKind.CommunityHomeCare => "社区居家养老服务机构",
        ElderCareInstitutionKind.DayCare => "日间照料机构",
        _ => kind.ToString(),
    };

    public static string Of(MedicalInstitutionKind kind) => kind switch
    {
        MedicalInstitutionKind.GeneralHospital => "综合医院",
        MedicalInstitutionKind.TcmHospital => "中医医院",
        MedicalInstitutionKind.RehabilitationHospital => "康复医院/康复医疗中心",
        MedicalInstitutionKind.NursingHospital => "护理院(站/中心)",
        MedicalInstitutionKind.HospiceCenter => "安宁疗护中心",
        MedicalInstitutionKind.TownshipHealthCenter => "乡镇卫生院",
        MedicalInstitutionKind.CommunityHealthCenter => "社区卫生服务中心",
        MedicalInstitutionKind.CommunityHealthStation => "社区卫生服务站",
        MedicalInstitutionKind.VillageClinic => "村卫生室",
        _ => kind.ToString(),
    };

    public static string Of(HospitalGrade grade) => grade switch
    {
        HospitalGrade.Ungraded => "未定级",
        HospitalGrade.Level1 => "一级",
        HospitalGrade.Level2 => "二级",
        HospitalGrade.Level3 => "三级",
        _ => grade.ToString(),
    };

    public static string Of(CountyKind kind) => kind switch
    {
        CountyKind.District => "区",
        CountyKind.County => "县",
        CountyKind.CountyLevelCity => "县级市",
        _ => kind.ToString(),
    };
}

/// <summary>
/// Labels of the catalogue and fee enumerations, and how an item's frequency and price read on every page, in the
/// public list and in the PDF. A unit shows in three roles, each with one helper: its name in the catalogue and the
/// fee schedule (<see cref="Of(ServiceUnit)"/>: 次/月), an agreed frequency ("4 次/月", "12 次/年"; the domain's
/// <see cref="ItemFrequency.ChineseUnit"/>, which also writes the audit texts) and what one price buys ("30.00 元/次").
/// </summary>
public static class CatalogueLabels
{
    /// <summary>"12 次/年": an agreed frequency with its period. Pass the page's localizer for English pages.</summary>
    public static string Frequency(int frequency, ServiceUnit unit, IStringLocalizer? localizer = null) => localizer is null
        ? ItemFrequency.Format(frequency, unit)
        : $"{frequency} {localizer[ItemFrequency.ChineseUnit(unit)]}";

    /// <summary>What one price pays for: a visit for the per-period units (次/月 prices one 次), else the unit itself.</summary>
    public static string PriceUnit(ServiceUnit unit) =>
        unit is ServiceUnit.TimesPerWeek or ServiceUnit.TimesPerMonth or ServiceUnit.TimesPerYear ? "次" : Of(unit);

    /// <summary>"1,200.00 元/次" (English "1,200.00 yuan/visit"), or the free-of-charge wording when there is no price.</summary>
    public static string Price(Money? price, ServiceUnit unit, IStringLocalizer? localizer = null) => price is { } p
        ? $"{Amounts.Yuan(p)} {Localized(PerUnit(unit), localizer)}"
        : Localized("免费或按医保规定", localizer);

    /// <summary>"元/次": the currency per what one price buys, one key each, so English need not join "yuan" and "per visit".</summary>
    private static string PerUnit(ServiceUnit unit) => PriceUnit(unit) switch
    {
        "次" => "元/次",
        "人次" => "元/人次",
        "月" => "元/月",
        "年" => "元/年",
        "床日" => "元/床日",
        var other => "元/" + other,
    };

    private static string Localized(string text, IStringLocalizer? localizer) => localizer is null ? text : localizer[text];

    public static string Of(ServiceCategory category) => category switch
    {
        ServiceCategory.BasicPublicHealth => "基本公共卫生服务",
        ServiceCategory.DiagnosisAndTreatment => "疾病诊疗服务",
        ServiceCategory.Rehabilitation => "医疗康复服务",
        ServiceCategory.Nursing => "医疗护理服务",
        ServiceCategory.TraditionalChineseMedicine => "中医药服务",
        ServiceCategory.MentalHealth => "精神卫生服务",
        ServiceCategory.HospiceCare => "安宁疗护服务",
        ServiceCategory.FamilySickbed => "家庭病床服务",
        ServiceCategory.EmergencyGreenChannel => "急诊急救绿色通道服务",
        ServiceCategory.TwoWayReferral => "双向转诊服务",
        ServiceCategory.PharmacyGuidance => "药事管理指导",
        ServiceCategory.ProfessionalTraining => "专业培训",
        ServiceCategory.InfectionControl => "传染病防控和院内感染风险防控指导",
        ServiceCategory.Telemedicine => "远程医疗服务",
        _ => category.ToString(),
    };

    public static string Of(Funding funding) => funding switch
    {
        Funding.BasicPublicHealth => "基本公共卫生",
        Funding.MedicalInsurance => "医保",
        Funding.SelfPaid => "自费",
        Funding.CooperationFee => "合作经费",
        _ => funding.ToString(),
    };

    public static string Of(ServiceUnit unit) => unit switch
    {
        ServiceUnit.PerVisit => "次",
        ServiceUnit.TimesPerWeek => "次/周",
        ServiceUnit.TimesPerMonth => "次/月",
        ServiceUnit.TimesPerYear => "次/年",
        ServiceUnit.PerPerson => "人次",
        ServiceUnit.PerMonth => "月",
        ServiceUnit.PerYear => "年",
        ServiceUnit.PerBedDay => "床日",
        _ => unit.ToString(),
    };

    public static string Of(ProfessionalTitle title) => title.ToChinese();
}
