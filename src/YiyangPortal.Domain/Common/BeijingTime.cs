using System.Globalization;

namespace YiyangPortal.Domain.Common;

/// <summary>
/// 北京时间. Deadlines and "today" are Beijing calendar days: a signature at 00:30 Beijing time on the 1st
/// (16:30 UTC on the previous day) was made on the 1st. China has used a fixed UTC+8 without daylight saving
/// since 1991, so a fixed offset is exact and does not depend on the host's time-zone database.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant seen on a Beijing clock.</summary>
    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Beijing calendar day on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToBeijing(instant).DateTime);

    /// <summary>Today in Beijing, given the current instant (callers pass their clock, tests pass a fixed one).</summary>
    public static DateOnly Today(DateTimeOffset utcNow) => DateOf(utcNow);

    /// <summary>Today in Beijing by the registered clock (the one way to ask a <see cref="TimeProvider"/> for the day).</summary>
    public static DateOnly TodayInBeijing(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Beijing.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>"2026-01-31 08:30" on a Beijing clock, for pages and documents.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToBeijing(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026年1月31日 08:30" on a Beijing clock — signatures as the parties and the PDF read them.</summary>
    public static string FormatChineseDateTime(DateTimeOffset instant)
    {
        var local = ToBeijing(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}");
    }

    /// <summary>"2026年1月31日" — the form the agreement templates use for dates.</summary>
    public static string FormatChineseDate(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");
}
