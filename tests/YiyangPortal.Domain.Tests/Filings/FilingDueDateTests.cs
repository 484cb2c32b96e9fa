using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Domain.Tests.Filings;

public class FilingDueDateTests
{
    [Theory]
    [InlineData("2026-03-15T02:00:00Z", "2026-04-15")]
    [InlineData("2028-01-31T02:00:00Z", "2028-02-29")]
    [InlineData("2027-01-31T02:00:00Z", "2027-02-28")]
    [InlineData("2026-12-31T02:00:00Z", "2027-01-31")]
    [InlineData("2026-03-31T02:00:00Z", "2026-04-30")]
    [InlineData("2026-08-31T02:00:00Z", "2026-09-30")]
    [InlineData("2028-02-29T02:00:00Z", "2028-03-29")]
    public void From_AddsOneCalendarMonthClampedToMonthEnd(string signedAtUtc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), FilingDueDate.From(DateTimeOffset.Parse(signedAtUtc)));

    [Fact]
    public void From_SignatureAt0030BeijingOnTheFirst_CountsAsTheFirst()
    {
        // 16:30 UTC on 31 January is 00:30 on 1 February in Beijing.
        var signed = new DateTimeOffset(2027, 1, 31, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 2, 1), BeijingTime.DateOf(signed));
        Assert.Equal(new DateOnly(2027, 3, 1), FilingDueDate.From(signed));
    }

    [Fact]
    public void From_UtcEveningOfNewYearsEve_IsDueAtEndOfJanuaryOfNextYear()
    {
        // 2026-12-30 16:00 UTC is 2026-12-31 00:00 in Beijing.
        Assert.Equal(new DateOnly(2027, 1, 31), FilingDueDate.From(new DateTimeOffset(2026, 12, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 30), FilingDueDate.From(new DateTimeOffset(2026, 12, 30, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void From_InstantWithAnotherOffset_UsesTheBeijingDay()
    {
        // 2027-01-31 09:00 in New York (-05:00) is 22:00 on the 31st in Beijing.
        var signed = new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateOnly(2027, 2, 28), FilingDueDate.From(signed));
    }

    [Fact]
    public void ReminderDays_AreSevenDaysBeforeAndOnTheDueDate()
    {
        var due = new DateOnly(2027, 2, 28);

        Assert.Equal([new DateOnly(2027, 2, 21), due], FilingDueDate.ReminderDays(due));
        Assert.True(FilingDueDate.IsReminderDay(due, new DateOnly(2027, 2, 21)));
        Assert.False(FilingDueDate.IsReminderDay(due, new DateOnly(2027, 2, 22)));
    }

    [Fact]
    public void BeijingTime_FormatsOnABeijingClock()
    {
        var instant = new DateTimeOffset(2027, 1, 31, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("2027-02-01 00:30", BeijingTime.Format(instant));
        Assert.Equal("2027年2月1日", BeijingTime.FormatChineseDate(BeijingTime.Today(instant)));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero), BeijingTime.StartOfDayUtc(new DateOnly(2027, 2, 1)));
    }
}
