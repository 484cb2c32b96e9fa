using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web;

/// <summary>
/// How dates, periods, deadlines and "proper name + label" read on the pages, in the user's language (ADR 053): the
/// Chinese form is the key, so 2026年12月10日 / 2026-12-10 至 2027-12-09 / 越城区民政局 in Chinese and 2026-12-10 /
/// 2026-12-10 to 2027-12-09 / 越城区 Civil Affairs Bureau in English. PDFs and stored texts keep their Chinese forms
/// (<see cref="BeijingTime.FormatChineseDate"/>); this is for pages only.
/// </summary>
public static class LocalizedText
{
    /// <summary>"2026年12月10日" (English: "2026-12-10").</summary>
    public static string Date(this IStringLocalizer localizer, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["{0}年{1}月{2}日", day.Year, day.Month, day.Day];
    }

    /// <summary>"2026年12月7日 14:25" on a Beijing clock (English: "2026-12-07 14:25").</summary>
    public static string DateAndTime(this IStringLocalizer localizer, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var local = BeijingTime.ToBeijing(instant);
        return localizer["{0}年{1}月{2}日 {3:HH:mm}", local.Year, local.Month, local.Day, local];
    }

    /// <summary>"2026-12-10 至 2027-12-09", or "2024-01-01 起" when open-ended; "—" when there is none.</summary>
    public static string Period(this IStringLocalizer localizer, ValidityPeriod? period)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return period switch
        {
            null => "—",
            { To: { } end } p => localizer.Period(p.From, end),
            { } p => localizer["{0:yyyy-MM-dd} 起", p.From],
        };
    }

    /// <summary>"2026-12-10 至 2027-12-09".</summary>
    public static string Period(this IStringLocalizer localizer, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["{0:yyyy-MM-dd} 至 {1:yyyy-MM-dd}", from, to];
    }

    /// <summary>"截止 2026-10-08（含当日）": a deadline includes its last day (民法典 第二百零三条).</summary>
    public static string Deadline(this IStringLocalizer localizer, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["截止 {0}（含当日）", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// A Chinese proper name followed by a label, as each language joins them: "越城区民政局", "越城区 Civil Affairs
    /// Bureau"; "绍兴市医养签约服务门户", "绍兴市 Medical &amp; Elder-Care Agreement Portal". The name stays as it is.
    /// </summary>
    public static string Named(this IStringLocalizer localizer, string name, string label)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["{0}{1}", name, localizer[label].Value];
    }
}
