namespace YiyangPortal.Domain.Fulfilment;

/// <summary>Where a service record stands with the elder-care institution.</summary>
public enum ServiceRecordStatus
{
    /// <summary>待确认: recorded by the medical institution.</summary>
    Pending = 1,

    /// <summary>已确认 by the elder-care institution; never changes again.</summary>
    Confirmed = 2,

    /// <summary>有异议: disputed with a reason; back with the medical institution, which may correct it.</summary>
    Disputed = 3,
}

public static class ServiceRecordStatusLabels
{
    public static string ToChinese(this ServiceRecordStatus status) => status switch
    {
        ServiceRecordStatus.Pending => "待确认",
        ServiceRecordStatus.Confirmed => "已确认",
        ServiceRecordStatus.Disputed => "有异议",
        _ => "未知状态",
    };
}
