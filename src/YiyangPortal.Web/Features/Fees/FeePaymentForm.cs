using System.Globalization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>登记付款 as typed: text in, so that anything unreadable comes back with its message and stays in the field.</summary>
public sealed class FeePaymentForm
{
    /// <summary>"{year}-{half}", e.g. "1-1" for the first agreement year's 上半年 (<see cref="FeeInstalment.Key"/>).</summary>
    public string? Instalment { get; set; }

    public string? PaidOn { get; set; }

    public string? Amount { get; set; }

    public string? Method { get; set; }

    public string? Reference { get; set; }

    public string? Explanation { get; set; }

    /// <summary>What cannot even be read, keyed by field; the domain judges the rest.</summary>
    public IReadOnlyList<FieldError> Unreadable()
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(PaidOn) && Date is null)
        {
            errors.Add(new FieldError(nameof(PaidOn), "请按“年-月-日”填写付款日期，例如 2026-05-18。"));
        }

        if (!string.IsNullOrWhiteSpace(Amount) && Yuan is null)
        {
            errors.Add(new FieldError(nameof(Amount), LenientNumbers.Message(Amount, whole: false)));
        }

        return errors;
    }

    public PaymentEntry ToEntry()
    {
        var parts = Instalment?.Split('-');
        int? year = parts is [var y, _] && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        InstalmentHalf? half = parts is [_, var h] && Enum.TryParse<InstalmentHalf>(h, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        PaymentMethod? method = Enum.TryParse<PaymentMethod>(Method, out var m) && Enum.IsDefined(m) && !int.TryParse(Method, out _) ? m : null;
        return new PaymentEntry(year, half, Date, Yuan, method, Reference, Explanation);
    }

    private DateOnly? Date =>
        DateOnly.TryParseExact(PaidOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private decimal? Yuan => LenientNumbers.TryParseDecimal(Amount, out var v) ? v : null;
}
