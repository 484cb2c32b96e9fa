using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>
/// How the recorded texts of a history (agreement events, filing history, change records) read on a page. They are
/// stored in Chinese, as the audit chain signed them, and never rewritten; this shows them in the reader's language:
/// the system actor, the fixed notes the portal writes, and the shapes it composes (an item's values "测血压：4 次/月，
/// 单价 10.00 元", a returned filing's "理由；补正截止 …（含当日）"). Anything else (a name, a typed reason) is data and
/// is shown as it was typed.
/// </summary>
public static partial class HistoryText
{
    /// <summary>Who acted: a person's name, or the portal itself (系统).</summary>
    public static string Actor(IStringLocalizer localizer, string actor)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return actor == "系统" ? localizer["系统"] : actor;
    }

    /// <summary>A recorded value or note in the reader's language, "—" when there is none.</summary>
    public static string Value(IStringLocalizer localizer, string? text)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (string.IsNullOrEmpty(text))
        {
            return "—";
        }

        if (ItemValues().Match(text) is { Success: true } item)
        {
            var values = item.Groups["price"].Success
                ? localizer["{0} {1}，单价 {2} 元", item.Groups["n"].Value, localizer[item.Groups["unit"].Value].Value, item.Groups["price"].Value]
                : localizer["{0} {1}，不收费", item.Groups["n"].Value, localizer[item.Groups["unit"].Value].Value];
            return item.Groups["name"].Success ? localizer["{0}：{1}", item.Groups["name"].Value, values.Value] : values;
        }

        if (Period().Match(text) is { Success: true } period)
        {
            var from = DateOnly.ParseExact(period.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return period.Groups["to"].Success
                ? localizer.Period(from, DateOnly.ParseExact(period.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                : localizer.Period(new Domain.Common.ValidityPeriod(from, null));
        }

        if (CorrectionNote().Match(text) is { Success: true } note)
        {
            return Correction(localizer, note.Groups["reason"].Value, DateOnly.ParseExact(note.Groups["due"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        // A fixed note of the portal has an English entry; typed text has none and reads as typed.
        return localizer[text];
    }

    /// <summary>
    /// A returned filing's note: the reason, then the correction deadline. A reason that already ends a sentence (。！？；)
    /// is not followed by a second mark ("…扫描件。补正截止…", never "…扫描件。；补正截止…").
    /// </summary>
    public static string Correction(IStringLocalizer localizer, string reason, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(reason);
        var deadline = localizer.Deadline(due);
        reason = reason.TrimEnd('；', ';');
        return reason.Length > 0 && "。！？.!?".Contains(reason[^1], StringComparison.Ordinal)
            ? localizer["{0}补正{1}", reason, deadline]
            : localizer["{0}；补正{1}", reason, deadline];
    }

    [GeneratedRegex("^(?:(?<name>.+)：)?(?<n>\\d+) (?<unit>次/周|次/月|次/年|次|人次|月|年|床日)，(?:单价 (?<price>[\\d,]+\\.\\d{2}) 元|不收费)$")]
    private static partial Regex ItemValues();

    /// <summary>A term as <see cref="Domain.Common.ValidityPeriod"/> records it: "2026-10-01 至 2027-09-30", "2024-01-01 起".</summary>
    [GeneratedRegex("^(?<from>\\d{4}-\\d{2}-\\d{2})(?: 至 (?<to>\\d{4}-\\d{2}-\\d{2})| 起)$")]
    private static partial Regex Period();

    [GeneratedRegex("^(?<reason>.*?)；?补正截止 (?<due>\\d{4}-\\d{2}-\\d{2})（含当日）$", RegexOptions.Singleline)]
    private static partial Regex CorrectionNote();
}
