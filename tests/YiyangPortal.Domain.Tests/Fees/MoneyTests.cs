using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tests.Fees;

public class MoneyTests
{
    [Fact]
    public void Sum_IsExact() =>
        Assert.Equal(0.30m, (Money.FromYuan(0.1m) + Money.FromYuan(0.2m)).Yuan);

    [Theory]
    [InlineData("-0.01", "金额不能为负数。")]
    [InlineData("1.005", "金额最多保留两位小数（精确到分）。")]
    [InlineData("100000000", "金额过大，请检查输入。")]
    public void FromYuan_RefusesBadAmounts(string amount, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => Money.FromYuan(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))).Message);

    [Fact]
    public void ToString_HasTwoDecimalsAndGroups() =>
        Assert.Equal("12,000.50", Money.FromYuan(12000.5m).ToString());
}
