using YiyangPortal.Web.Validation;

namespace YiyangPortal.IntegrationTests;

/// <summary>Number fields accept what people type in a Chinese form (issue 10), or say exactly what is wrong.</summary>
public class LenientNumbersTests
{
    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1,000", 1000)]
    [InlineData("1,200.50", 1200.50)]
    [InlineData("100元", 100)]
    [InlineData("¥36,000.00", 36000)]
    [InlineData("￥ 300 元", 300)]
    [InlineData("１２０", 120)]
    [InlineData("８０．５", 80.5)]
    [InlineData("３６，０００", 36000)]
    [InlineData(" 4次/月 ", 4)]
    public void TypedAmounts_AreRead(string typed, decimal expected)
    {
        Assert.True(LenientNumbers.TryParseDecimal(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("一百")]
    [InlineData("1,00")]
    [InlineData("12,34,567")]
    [InlineData("1.2.3")]
    [InlineData("100美元")]
    public void Ambiguous_OrNonNumbers_AreNotGuessed(string typed) =>
        Assert.False(LenientNumbers.TryParseDecimal(typed, out _));

    [Fact]
    public void WholeNumbers_RefuseDecimals_AndTheMessageGivesAnExample()
    {
        Assert.True(LenientNumbers.TryParseInt("4次", out var four));
        Assert.Equal(4, four);
        Assert.False(LenientNumbers.TryParseInt("2.5", out _));
        Assert.Equal("“2.5”不是整数。请填写阿拉伯数字，例如 4。", LenientNumbers.Message("2.5", whole: true));
    }
}
