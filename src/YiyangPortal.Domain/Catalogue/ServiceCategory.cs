namespace YiyangPortal.Domain.Catalogue;

/// <summary>The fourteen service categories of the 2020 national guide (国卫办老龄发〔2020〕23号 三), in its order.</summary>
public enum ServiceCategory
{
    /// <summary>基本公共卫生服务.</summary>
    BasicPublicHealth = 1,

    /// <summary>疾病诊疗服务.</summary>
    DiagnosisAndTreatment = 2,

    /// <summary>医疗康复服务.</summary>
    Rehabilitation = 3,

    /// <summary>医疗护理服务.</summary>
    Nursing = 4,

    /// <summary>中医药服务.</summary>
    TraditionalChineseMedicine = 5,

    /// <summary>精神卫生服务.</summary>
    MentalHealth = 6,

    /// <summary>安宁疗护服务.</summary>
    HospiceCare = 7,

    /// <summary>家庭病床服务.</summary>
    FamilySickbed = 8,

    /// <summary>急诊急救绿色通道服务.</summary>
    EmergencyGreenChannel = 9,

    /// <summary>双向转诊服务.</summary>
    TwoWayReferral = 10,

    /// <summary>药事管理指导.</summary>
    PharmacyGuidance = 11,

    /// <summary>专业培训.</summary>
    ProfessionalTraining = 12,

    /// <summary>传染病防控和院内感染风险防控指导.</summary>
    InfectionControl = 13,

    /// <summary>远程医疗服务.</summary>
    Telemedicine = 14,
}
