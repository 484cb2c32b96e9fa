namespace YiyangPortal.Domain.Agreements;

/// <summary>Who pays the medical costs residents incur at the medical institution (附件1 五).</summary>
public enum MedicalCostPayment
{
    /// <summary>甲方康养人员自理.</summary>
    ResidentPays = 1,

    /// <summary>甲方担保.</summary>
    ElderCareGuarantees = 2,

    /// <summary>甲方统一支付.</summary>
    ElderCarePays = 3,
}

/// <summary>Chinese wording of <see cref="MedicalCostPayment"/> as the template prints it.</summary>
public static class MedicalCostPaymentLabels
{
    public static string ToChinese(this MedicalCostPayment payment) => payment switch
    {
        MedicalCostPayment.ResidentPays => "甲方康养人员自理",
        MedicalCostPayment.ElderCareGuarantees => "甲方担保",
        MedicalCostPayment.ElderCarePays => "甲方统一支付",
        _ => "未约定",
    };
}
