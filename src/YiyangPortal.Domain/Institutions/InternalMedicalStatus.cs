namespace YiyangPortal.Domain.Institutions;

/// <summary>内设医疗机构 of an elder-care institution (绍市民〔2024〕6号 二.2).</summary>
public enum InternalMedicalStatus
{
    /// <summary>未设.</summary>
    None = 0,

    /// <summary>申办中: the home is applying.</summary>
    Applying = 1,

    /// <summary>已设.</summary>
    Established = 2,
}

public static class InternalMedicalStatusLabels
{
    public static string ToChinese(this InternalMedicalStatus status) => status switch
    {
        InternalMedicalStatus.Established => "已设",
        InternalMedicalStatus.Applying => "申办中",
        _ => "未设",
    };
}
