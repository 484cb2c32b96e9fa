namespace YiyangPortal.Documents.Tests;

/// <summary>Agreements as the portal would hand them to the renderer: a signed one per template and a draft.</summary>
public static class SampleAgreements
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static AgreementDocumentModel SignedConsortium() => new()
    {
        Template = AgreementTemplateKind.MedicalElderCareConsortium,
        DocumentNumber = "SX-2026-000123",
        IsDraft = false,
        VerificationUrl = "https://yiyang.example.cn/shaoxing/verify/SX-2026-000123",
        ElderCareParty = new AgreementParty("绍兴市越城区颐康养老院", "绍兴市越城区人民东路 88 号", "周丽华"),
        MedicalParty = new AgreementParty("绍兴市越城区府山街道社区卫生服务中心", "绍兴市越城区府山横街 12 号", "陈志明"),
        ClinicSite = Documents.ClinicSite.ExtendedClinicRoom,
        ClinicSessionsPerMonth = 4,
        ClinicDoctorCount = 2,
        WardRoundsPerMonth = 2,
        WardRoundDoctorCount = 1,
        ConsultationFeeChief = 300m,
        ConsultationFeeAssociateChief = 200m,
        ConsultationFeeIntermediate = 100m,
        MedicalCostPayment = Documents.MedicalCostPayment.ElderCareInstitutionPays,
        AnnualHealthServiceFee = 36000m,
        CivilAffairsBureau = "越城区民政局",
        HealthBureau = "越城区卫生健康局",
        ValidFrom = new DateOnly(2026, 3, 1),
        ValidTo = new DateOnly(2027, 2, 28),
        ServiceItems = TypicalItems(),
        Fees = new FeeSummary(
        [
            new FeeLine("年度健康服务费", 36000m, "甲方（养老机构）支付，分两次支付，上、下半年各一次"),
            new FeeLine("合作经费服务项目（年度估算）", 2400m, "甲方（养老机构）支付"),
            new FeeLine("合作经费小计（甲方支付）", 38400m, "甲方（养老机构）每年支付的合作经费"),
            new FeeLine("自费服务项目（年度估算）", 600m, "康养人员按实际发生自理，不在合作经费内"),
            new FeeLine("医保服务项目（年度估算）", 1560m, "按医保政策结算，个人负担部分由康养人员自理"),
            new FeeLine("基本公共卫生服务项目（3 项）", 0m, "符合条件的老年人免费，由卫生健康部门经费保障"),
        ]),
        ElderCareSignature = new PartySignature("周丽华", "院长", new DateTimeOffset(2026, 2, 26, 17, 30, 0, TimeSpan.Zero)),
        MedicalSignature = new PartySignature("陈志明", "主任", new DateTimeOffset(2026, 2, 27, 9, 15, 0, Beijing)),
    };

    public static AgreementDocumentModel SignedProjectCooperation() => SignedConsortium() with
    {
        Template = AgreementTemplateKind.ProjectCooperation,
        DocumentNumber = "SX-2026-000124",
        VerificationUrl = "https://yiyang.example.cn/shaoxing/verify/SX-2026-000124",
    };

    public static AgreementDocumentModel Draft(AgreementTemplateKind template) => new()
    {
        Template = template,
        DocumentNumber = "SX-2026-000125",
        IsDraft = true,
        VerificationUrl = "https://yiyang.example.cn/shaoxing/verify/SX-2026-000125",
        ElderCareParty = new AgreementParty("绍兴市上虞区康宁敬老院"),
        MedicalParty = new AgreementParty(""),
        ServiceItems = TypicalItems().Take(3).ToList(),
    };

    public static List<ServiceItemRow> TypicalItems() =>
    [
        new("基本公共卫生服务", "65 岁及以上老年人健康体检与健康管理", "1 次/年", "人次", null, "基本公共卫生"),
        new("基本公共卫生服务", "高血压、2 型糖尿病患者慢性病管理随访", "4 次/年", "人次", null, "基本公共卫生"),
        new("疾病诊疗服务", "医疗服务站点坐诊（咨询、配药、开具检查单）", "4 次/月", "次", 0m, "合作经费"),
        new("疾病诊疗服务", "医疗查房", "2 次/月", "次", 0m, "合作经费"),
        new("疾病诊疗服务", "医疗会诊（正高）", "按需", "次", 300m, "自费"),
        new("疾病诊疗服务", "医疗会诊（副高）", "按需", "次", 200m, "自费"),
        new("疾病诊疗服务", "医疗会诊（中级）", "按需", "次", 100m, "自费"),
        new("医疗护理服务", "压疮护理、管路护理", "按需", "次", 45.5m, "医保"),
        new("家庭病床服务", "家庭病床建床", "按需", "床", 50m, "医保"),
        new("家庭病床服务", "家庭病床上门服务", "1 次/周", "次", 30m, "医保"),
        new("中医药服务", "中医体质辨识与养生指导", "1 次/季度", "人次", null, "基本公共卫生"),
        new("急诊急救绿色通道服务", "优先诊疗、优先住院、先诊疗后结算", "按需", "—", null, "—"),
        new("专业培训", "养老护理员医疗护理与急救培训", "2 次/年", "次", 1200m, "合作经费"),
        new("药事管理指导", "用药安全与长期处方指导", "1 次/季度", "次", null, "合作经费"),
    ];
}
