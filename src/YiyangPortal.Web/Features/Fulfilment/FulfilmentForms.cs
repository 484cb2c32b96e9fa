using System.Globalization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>登记服务记录 as typed: text in, so that anything unreadable comes back with its message and stays in the field.</summary>
public sealed class ServiceRecordForm
{
    public Guid? AgreementItemId { get; set; }

    public string? ServiceDate { get; set; }

    public Guid? StaffMemberId { get; set; }

    public string? ResidentsServed { get; set; }

    public string? DurationMinutes { get; set; }

    public string? Notes { get; set; }

    /// <summary>The answered record this entry corrects, if any.</summary>
    public Guid? CorrectsRecordId { get; set; }

    /// <summary>The form for correcting <paramref name="record"/>: its values, to be changed where they were wrong.</summary>
    public static ServiceRecordForm CorrectionOf(ServiceRecord record) => new()
    {
        AgreementItemId = record.AgreementItemId,
        ServiceDate = record.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StaffMemberId = record.StaffMemberId,
        ResidentsServed = record.ResidentsServed.ToString(CultureInfo.InvariantCulture),
        DurationMinutes = record.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        Notes = record.Notes,
        CorrectsRecordId = record.Id,
    };

    /// <summary>What cannot even be read, keyed by field; the domain judges the rest.</summary>
    public IReadOnlyList<FieldError> Unreadable()
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(ServiceDate) && Date is null)
        {
            errors.Add(new FieldError(nameof(ServiceDate), "请按“年-月-日”填写服务日期，例如 2026-05-18。"));
        }

        if (!string.IsNullOrWhiteSpace(ResidentsServed) && Residents is null)
        {
            errors.Add(new FieldError(nameof(ResidentsServed), LenientNumbers.Problem(ResidentsServed, whole: true)));
        }

        if (!string.IsNullOrWhiteSpace(DurationMinutes) && Minutes is null)
        {
            errors.Add(new FieldError(nameof(DurationMinutes), LenientNumbers.Problem(DurationMinutes, whole: true)));
        }

        return errors;
    }

    public ServiceDelivery ToDelivery() =>
        new(AgreementItemId ?? Guid.Empty, Date, StaffMemberId ?? Guid.Empty, Residents, Minutes, Notes);

    private DateOnly? Date =>
        DateOnly.TryParseExact(ServiceDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private int? Residents => LenientNumbers.TryParseInt(ResidentsServed, out var n) ? n : null;

    private int? Minutes => LenientNumbers.TryParseInt(DurationMinutes, out var n) ? n : null;
}

/// <summary>人员名册: a new entry.</summary>
public sealed class StaffForm
{
    public string? Name { get; set; }

    public ProfessionalTitle? Title { get; set; }
}
