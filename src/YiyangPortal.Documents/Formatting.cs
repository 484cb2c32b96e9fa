using System.Globalization;

namespace YiyangPortal.Documents;

/// <summary>How amounts and dates are printed; one place so the template, schedule and tests agree.</summary>
public static class Formatting
{
    // China has had no daylight saving since 1991: a fixed +08:00 needs no time-zone database on the server.
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>元 with thousands separators and exactly two decimals, e.g. 12,000.00. Decimal only, never floating point.</summary>
    public static string Money(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The calendar date in Beijing of an instant.</summary>
    public static DateOnly BeijingDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(BeijingOffset).DateTime);

    /// <summary>2026年3月5日 14:05（北京时间）.</summary>
    public static string ChineseDateTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(BeijingOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}（北京时间）");
    }

    /// <summary>2026年3月5日.</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
