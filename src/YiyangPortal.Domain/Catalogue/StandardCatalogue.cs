using static YiyangPortal.Domain.Catalogue.Funding;
using static YiyangPortal.Domain.Catalogue.ProviderRequirement;
using static YiyangPortal.Domain.Catalogue.ServiceCategory;
using static YiyangPortal.Domain.Catalogue.ServiceUnit;

namespace YiyangPortal.Domain.Catalogue;

/// <summary>One item of the standard catalogue, before it becomes a tenant's <see cref="ServiceItem"/>.</summary>
public sealed record StandardItem(
    string Code,
    ServiceCategory Category,
    string Name,
    ServiceUnit Unit,
    Funding Funding,
    ProviderRequirement Requirement,
    string Source,
    string Description = "");

/// <summary>
/// The catalogue every tenant starts from: the items the paragraphs of the 2020 guide 三（一）–（十四） name, plus
/// the items of both Shaoxing templates (绍市民〔2024〕6号 附件1, 附件2). The official annex of recommended items was
/// not available, so this list is the guide's own wording; tenants edit it.
/// </summary>
public static class StandardCatalogue
{
    private const string Guide = "2020指南 三";
    private const string Sx1 = "绍兴附件1";
    private const string Sx2 = "绍兴附件2";

    /// <summary>The six 家庭病床 conditions of 绍兴附件2 二.5 (1)–(6).</summary>
    public static IReadOnlyList<string> FamilySickbedConditions { get; } =
    [
        "脑血管意外瘫痪康复期",
        "肿瘤术后或放、化疗后需支持治疗",
        "高血压、糖尿病合并慢性严重并发症",
        "骨折、关节置换术后及外伤需换药、拆线、康复等",
        "晚期肿瘤、偏瘫患者合并褥疮感染、尿潴留、吞咽困难的需定期换药、定期更换尿管、胃管",
        "慢性阻塞性肺疾病等严重肺部疾病",
    ];

    public static IReadOnlyList<StandardItem> Items { get; } =
    [
        new("BPH-EDU", ServiceCategory.BasicPublicHealth, "健康教育讲座和专题健康咨询", TimesPerYear, CooperationFee, None, Guide + "（一）", "疾病预防、膳食营养、心理健康等指导，健康生活方式指导。"),
        new("BPH-CHECK65", ServiceCategory.BasicPublicHealth, "65岁及以上老年人免费健康体检和健康管理", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Guide + "（一）", "按《国家基本公共卫生服务规范（第三版）》，对符合条件的65岁及以上老年人每年一次。"),
        new("BPH-CHRONIC", ServiceCategory.BasicPublicHealth, "高血压、2型糖尿病患者健康管理", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Guide + "（一）"),
        new("BPH-CHECK-PAID", ServiceCategory.BasicPublicHealth, "其他入住老年人健康体检（有偿）", PerPerson, SelfPaid, None, Guide + "（一）"),
        new("BPH-VACCINE", ServiceCategory.BasicPublicHealth, "疫苗接种健康指导", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Guide + "（一）"),
        new("BPH-YIYANG", ServiceCategory.BasicPublicHealth, "医养结合服务（每年两次）", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Guide + "（一）", "血压测量、末梢血血糖检测、康复指导、护理技能指导、保健咨询、营养改善指导。"),
        new("BPH-DISABLED", ServiceCategory.BasicPublicHealth, "失能老年人健康评估与健康服务", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Guide + "（一）"),
        new("DX-COMMON", DiagnosisAndTreatment, "常见病、多发病诊疗", PerVisit, MedicalInsurance, None, Guide + "（二）"),
        new("DX-FAMILY-DOCTOR", DiagnosisAndTreatment, "家庭医生签约服务", PerYear, MedicalInsurance, PrimaryLevel, Guide + "（二）"),
        new("DX-LONG-RX", DiagnosisAndTreatment, "慢性病长期处方", PerVisit, MedicalInsurance, None, Guide + "（二）"),
        new("SX1-CLINIC", DiagnosisAndTreatment, "坐诊咨询（中级职称及以上医师）", TimesPerMonth, CooperationFee, None, Sx1 + " 一", "在甲方固定服务场地坐诊咨询、配药、开具检查单等医疗服务。"),
        new("SX1-ROUNDS", DiagnosisAndTreatment, "医疗查房（中级职称及以上医师）", TimesPerMonth, CooperationFee, None, Sx1 + " 二"),
        new("SX1-CONSULT", DiagnosisAndTreatment, "医疗会诊（按职称收费）", PerVisit, SelfPaid, None, Sx1 + " 三", "根据《医师外出会诊管理暂行规定》，按正高、副高、中级职称收费，会诊费用由甲方康养人员自费。"),
        new("SX2-CHRONIC-FOLLOWUP", DiagnosisAndTreatment, "慢性病规范化管理随访（每年不少于4次）", TimesPerYear, Funding.BasicPublicHealth, PrimaryLevel, Sx2 + " 二.3", "为家庭医生签约的高血压、糖尿病等慢性病患者提供定期随访、用药指导、健康教育和咨询服务。"),
        // 绍市民〔2024〕6号 二.5: one on-site check a year for residents aged 60+, tied to the free yearly check of the basic
        // public-health programme (2020 guide 三(一)); 附件1 pays 健康体检 outside the annual health-service fee.
        new("SX2-CHECKUP", ServiceCategory.BasicPublicHealth, "年度上门健康体检（60周岁及以上，每年1次）", TimesPerYear, Funding.BasicPublicHealth, None, "绍市民〔2024〕6号 二.5；" + Sx2 + " 二.4", "签约医疗卫生机构每年为养老机构内60周岁及以上的老年人（含未满60周岁的特困等入住人员）开展1次上门健康体检，结合基本公共卫生免费健康体检项目，老年人免费；不在年度健康服务费范围内。"),
        new("SX1-HOME-VISIT", DiagnosisAndTreatment, "协议外上门出诊", PerVisit, SelfPaid, None, Sx1 + " 五", "出诊费、诊疗费等由甲方康养人员自理。"),
        new("REHAB-THERAPY", Rehabilitation, "专业医疗康复服务", PerVisit, MedicalInsurance, None, Guide + "（三）"),
        new("REHAB-GUIDE", Rehabilitation, "康复技能指导", TimesPerMonth, CooperationFee, None, Guide + "（三）"),
        new("NURSE-TUBE", Nursing, "管路护理", PerVisit, MedicalInsurance, None, Guide + "（四）"),
        new("NURSE-ULCER", Nursing, "压疮管理", PerVisit, MedicalInsurance, None, Guide + "（四）"),
        new("NURSE-ASSESS", Nursing, "老年护理需求评估", PerPerson, CooperationFee, None, Guide + "（四）"),
        new("NURSE-OTHER", Nursing, "其他专业医疗护理", PerVisit, MedicalInsurance, None, Guide + "（四）"),
        new("TCM-DX", TraditionalChineseMedicine, "中医诊疗", PerVisit, MedicalInsurance, TcmQualification, Guide + "（五）"),
        new("TCM-REHAB", TraditionalChineseMedicine, "中医康复", PerVisit, MedicalInsurance, TcmQualification, Guide + "（五）"),
        new("TCM-CONSTITUTION", TraditionalChineseMedicine, "中医健康状态辨识与评估", PerPerson, Funding.BasicPublicHealth, TcmQualification, Guide + "（五）"),
        new("TCM-CARE", TraditionalChineseMedicine, "中医保健技术指导（推拿、贴敷、刮痧、拔罐、养生操）", TimesPerMonth, CooperationFee, TcmQualification, Guide + "（五）"),
        new("MH-SERVICE", MentalHealth, "精神卫生和心理健康服务", PerVisit, MedicalInsurance, None, Guide + "（六）", "疾病诊疗、情绪调节、心理支持、危机干预、交流沟通等个性化服务。"),
        new("HOSPICE-CARE", HospiceCare, "安宁疗护（症状控制、舒适照护、心理支持）", PerVisit, MedicalInsurance, None, Guide + "（七）"),
        new("HOSPICE-FAMILY", HospiceCare, "临终老年人家属哀伤辅导指导", PerVisit, CooperationFee, None, Guide + "（七）"),
        new("SICKBED-SETUP", ServiceCategory.FamilySickbed, "家庭病床建床", PerPerson, MedicalInsurance, RecommendedPrimaryLevel, Sx2 + " 二.5", "适用于病情稳定但需连续观察治疗的六类情形：" + string.Join("；", FamilySickbedConditions) + "。"),
        new("SICKBED-VISIT", ServiceCategory.FamilySickbed, "家庭病床查床、护理、告知", PerVisit, MedicalInsurance, RecommendedPrimaryLevel, Sx2 + " 二.5"),
        new("GREEN-EMERGENCY", EmergencyGreenChannel, "急诊急救绿色通道", PerVisit, MedicalInsurance, RecommendedLevel2OrAbove, Guide + "（九）", "重点为急危重症患者提供相应服务，必要时转运救治。"),
        new("SX1-GREEN-CLINIC", EmergencyGreenChannel, "就诊绿色通道（优先诊疗、先诊疗后结算、优先住院）", PerVisit, MedicalInsurance, None, Sx1 + " 五"),
        new("REFERRAL", TwoWayReferral, "双向转诊", PerVisit, MedicalInsurance, None, Guide + "（十）", "与养老机构内设医疗卫生机构建立双向转诊机制。"),
        new("PHARM-GUIDE", PharmacyGuidance, "药事管理指导（摆药、储存、质量管理）", TimesPerMonth, CooperationFee, None, Guide + "（十一）"),
        new("PHARM-RATIONAL", PharmacyGuidance, "合理用药指导", TimesPerMonth, CooperationFee, None, Guide + "（十一）"),
        new("TRAIN-CME", ProfessionalTraining, "内设医疗机构医务人员继续医学教育", TimesPerYear, CooperationFee, None, Guide + "（十二）"),
        new("TRAIN-FIRST-AID", ProfessionalTraining, "应急救护等专项培训", TimesPerYear, CooperationFee, None, Guide + "（十二）"),
        new("SX1-TRAIN", ProfessionalTraining, "医护人员业务培训（精神心理疾病及慢性病防治）", TimesPerYear, CooperationFee, None, Sx1 + " 六"),
        new("SX2-CARER-TRAIN", ProfessionalTraining, "护工医疗卫生技术培训和指导", TimesPerYear, CooperationFee, None, Sx2 + " 二.6"),
        new("INFECT-GUIDE", InfectionControl, "传染病防控和院内感染防控指导", TimesPerYear, CooperationFee, None, Guide + "（十三）"),
        new("INFECT-WASTE", InfectionControl, "医疗废弃物规范处置协助", TimesPerYear, CooperationFee, None, Guide + "（十三）"),
        new("TELE-CONSULT", Telemedicine, "远程医疗服务", PerVisit, MedicalInsurance, None, Guide + "（十四）"),
        new("SX1-RECORDS", ServiceCategory.BasicPublicHealth, "完善医疗健康档案", PerYear, CooperationFee, None, Sx1 + " 四", "将健康体检、巡诊、随访情况等及时归入档案，指导完善医疗管理、医疗安全、医疗服务等制度。"),
        new("SX2-RECORDS", ServiceCategory.BasicPublicHealth, "建立健康档案和个性化健康计划", PerPerson, Funding.BasicPublicHealth, PrimaryLevel, Sx2 + " 二.1"),
    ];

    /// <summary>A tenant's copy of the standard catalogue, ordered as above within each category.</summary>
    public static IEnumerable<ServiceItem> CreateFor(Guid tenantId) =>
        Items.Select((s, i) =>
        {
            var item = new ServiceItem(tenantId, s.Code, s.Category, s.Name, s.Unit, s.Funding);
            item.Classify(s.Category, s.Unit, s.Funding, s.Requirement);
            item.Describe(s.Description, s.Source);
            item.PlaceAt(i + 1);
            return item;
        });
}
