using System.Globalization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.SixOnes;

/// <summary>The 六个一 entries as typed: text in, so that anything unreadable comes back with its message, kept.</summary>
public static class SixOnesInput
{
    public static DateOnly? Date(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static int? Count(string? typed) => LenientNumbers.TryParseInt(typed, out var n) ? n : null;

    /// <summary>Adds a message for a field that holds something but cannot be read.</summary>
    public static void Unreadable(List<FieldError> errors, string field, string? typed, bool date)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return;
        }

        if (date && Date(typed) is null)
        {
            errors.Add(new FieldError(field, "请按“年-月-日”填写日期，例如 2026-05-18。"));
        }
        else if (!date && Count(typed) is null)
        {
            errors.Add(new FieldError(field, LenientNumbers.Message(typed, whole: true)));
        }
    }
}

public sealed class HealthCheckForm
{
    public string? CheckedOn { get; set; }

    public string? ResidentsChecked { get; set; }

    public string? ResidentsDue { get; set; }

    public static HealthCheckForm Of(HealthCheck? check) => check is null ? new() : new()
    {
        CheckedOn = check.CheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ResidentsChecked = check.ResidentsChecked.ToString(CultureInfo.InvariantCulture),
        ResidentsDue = check.ResidentsDue.ToString(CultureInfo.InvariantCulture),
    };

    public List<FieldError> Unreadable()
    {
        var errors = new List<FieldError>();
        SixOnesInput.Unreadable(errors, nameof(CheckedOn), CheckedOn, date: true);
        SixOnesInput.Unreadable(errors, nameof(ResidentsChecked), ResidentsChecked, date: false);
        SixOnesInput.Unreadable(errors, nameof(ResidentsDue), ResidentsDue, date: false);
        return errors;
    }
}

public sealed class GreenChannelForm
{
    public string? UsedOn { get; set; }

    public string? Residents { get; set; }

    public List<FieldError> Unreadable()
    {
        var errors = new List<FieldError>();
        SixOnesInput.Unreadable(errors, nameof(UsedOn), UsedOn, date: true);
        SixOnesInput.Unreadable(errors, nameof(Residents), Residents, date: false);
        return errors;
    }
}

public sealed class TrainingForm
{
    public string? HeldOn { get; set; }

    public string? Topic { get; set; }

    public string? Attendees { get; set; }

    public List<FieldError> Unreadable()
    {
        var errors = new List<FieldError>();
        SixOnesInput.Unreadable(errors, nameof(HeldOn), HeldOn, date: true);
        SixOnesInput.Unreadable(errors, nameof(Attendees), Attendees, date: false);
        return errors;
    }
}
