using System.Globalization;

namespace YiyangPortal.TestSupport;

/// <summary>Days in Beijing (UTC+8, no daylight saving) as the tests' forms and assertions write them.</summary>
public static class BeijingDate
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The day <paramref name="fromToday"/> days from today in Beijing, as a form posts it (yyyy-MM-dd).</summary>
    public static string Day(int fromToday) => Today.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
