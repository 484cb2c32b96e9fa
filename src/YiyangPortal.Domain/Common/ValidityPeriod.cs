namespace YiyangPortal.Domain.Common;

/// <summary>
/// A period of days, both ends inclusive; <see cref="To"/> null means open-ended ("until further notice").
/// Prices and agreements use it so that what applied on a given day can always be reconstructed.
/// </summary>
public readonly record struct ValidityPeriod
{
    public ValidityPeriod(DateOnly from, DateOnly? to)
    {
        if (to is { } end && end < from)
        {
            throw new DomainException("结束日期不能早于开始日期。");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly? To { get; }

    public bool IsOpenEnded => To is null;

    public bool Contains(DateOnly day) => day >= From && (To is null || day <= To);

    public bool Overlaps(ValidityPeriod other) =>
        (To is null || other.From <= To) && (other.To is null || From <= other.To);

    /// <summary>This period ended on the day before <paramref name="day"/>.</summary>
    public ValidityPeriod EndBefore(DateOnly day) => new(From, day.AddDays(-1));

    public override string ToString() =>
        To is { } end ? $"{From:yyyy-MM-dd} 至 {end:yyyy-MM-dd}" : $"{From:yyyy-MM-dd} 起";
}
