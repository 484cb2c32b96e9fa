using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// 2020 guide 六(四): the parties inform the county 卫生健康 and 民政 departments within one month of signing.
/// The month counts from the Beijing calendar day of signing; when the next month is shorter, the due date is its
/// last day (1月31日 → 2月28日/29日), the same way <see cref="DateOnly.AddMonths"/> clamps.
/// </summary>
public static class FilingDueDate
{
    /// <summary>Reminders go out this many days before the due date and on the due date itself.</summary>
    public const int ReminderDaysBefore = 7;

    public static DateOnly From(DateTimeOffset signedAtUtc) => CivilCodePeriod.EndOfMonths(BeijingTime.DateOf(signedAtUtc), 1);

    public static IReadOnlyList<DateOnly> ReminderDays(DateOnly dueDate) => [dueDate.AddDays(-ReminderDaysBefore), dueDate];

    public static bool IsReminderDay(DateOnly dueDate, DateOnly todayInBeijing) =>
        todayInBeijing == dueDate.AddDays(-ReminderDaysBefore) || todayInBeijing == dueDate;
}
