namespace YiyangPortal.Domain.Fees;

/// <summary>Where a payment stands with the medical institution that should have received it.</summary>
public enum FeePaymentStatus
{
    /// <summary>待确认收款: recorded by the elder-care institution.</summary>
    Pending = 1,

    /// <summary>已确认收款 by the medical institution: it enters its 备查账 and never changes again.</summary>
    Confirmed = 2,

    /// <summary>有异议: not received as recorded; back with the elder-care institution, which records it again.</summary>
    Disputed = 3,
}

/// <summary>付款方式. Only how, never who: the reference is a transfer or receipt number, no personal data.</summary>
public enum PaymentMethod
{
    /// <summary>银行转账 (对公转账).</summary>
    BankTransfer = 1,

    /// <summary>支票.</summary>
    Cheque = 2,

    /// <summary>现金 (with the clinic's receipt).</summary>
    Cash = 3,

    /// <summary>其他.</summary>
    Other = 4,
}

public static class FeePaymentLabels
{
    public static string ToChinese(this FeePaymentStatus status) => status switch
    {
        FeePaymentStatus.Pending => "待确认收款",
        FeePaymentStatus.Confirmed => "已确认收款",
        FeePaymentStatus.Disputed => "有异议",
        _ => "未知状态",
    };

    public static string ToChinese(this PaymentMethod method) => method switch
    {
        PaymentMethod.BankTransfer => "银行转账",
        PaymentMethod.Cheque => "支票",
        PaymentMethod.Cash => "现金",
        PaymentMethod.Other => "其他",
        _ => "未知方式",
    };
}

/// <summary>
/// 登记付款 as read from the form: which instalment (agreement year and half), the day, the amount, how, a transfer or
/// receipt number, and an explanation when the amount differs from the instalment's.
/// </summary>
public sealed record PaymentEntry(
    int? AgreementYear, InstalmentHalf? Half, DateOnly? PaidOn, decimal? Amount, PaymentMethod? Method, string? Reference, string? Explanation);
