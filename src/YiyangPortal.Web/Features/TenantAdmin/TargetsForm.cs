using System.Globalization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.TenantAdmin;

/// <summary>One row of the targets form, as typed (strings, so nothing typed is lost when a row cannot be read).</summary>
public sealed class TargetRow
{
    public Guid? Id { get; set; }

    public string? Measure { get; set; }

    public string? Percent { get; set; }

    public string? Deadline { get; set; }

    public string? Source { get; set; }

    public bool Remove { get; set; }

    /// <summary>A new row left empty is not a target.</summary>
    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Measure) && string.IsNullOrWhiteSpace(Percent)
                           && string.IsNullOrWhiteSpace(Deadline) && string.IsNullOrWhiteSpace(Source);

    public static TargetRow From(CoverageTarget t) => new()
    {
        Id = t.Id,
        Measure = t.Measure.ToString(),
        Percent = t.Percent.ToString(CultureInfo.InvariantCulture),
        Deadline = t.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Source = t.Source,
    };

    public CoverageMeasure? ParsedMeasure =>
        Enum.TryParse<CoverageMeasure>(Measure, out var m) && Enum.IsDefined(m) ? m : null;

    public int? ParsedPercent => LenientNumbers.TryParseInt(Percent?.Replace("%", string.Empty, StringComparison.Ordinal).Replace("％", string.Empty, StringComparison.Ordinal), out var p) ? p : null;

    public DateOnly? ParsedDeadline =>
        DateOnly.TryParseExact(Deadline?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Problems of this row, keyed <c>Targets[i].Field</c> as the form names its inputs.</summary>
    public IReadOnlyList<FieldError> Problems(int index) =>
        CoverageTarget.Problems(ParsedMeasure, ParsedPercent, ParsedDeadline, Source, $"Targets[{index}].");
}

public sealed class TargetsForm
{
    public List<TargetRow> Targets { get; set; } = [];
}

public sealed record TargetsPage(TargetsForm Form, bool Saved = false);
