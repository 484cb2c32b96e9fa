namespace YiyangPortal.Documents.Tests;

public class FormattingTests
{
    [Theory]
    [InlineData("1200", "1,200.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("36000", "36,000.00")]
    [InlineData("1234567.885", "1,234,567.89")]
    [InlineData("0", "0.00")]
    public void Money_HasThousandsSeparators_AndExactlyTwoDecimals(string amount, string expected)
    {
        Assert.Equal(expected, Formatting.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void BeijingDate_OfAnEveningInUtc_IsTheNextDay()
    {
        Assert.Equal(new DateOnly(2026, 2, 27), Formatting.BeijingDate(new DateTimeOffset(2026, 2, 26, 17, 30, 0, TimeSpan.Zero)));
    }
}
