using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData(" 91350100m000100y43 ")]
    public void ValidCodes_AreAccepted_AndNormalised(string input)
    {
        var code = UnifiedSocialCreditCode.Parse(input);

        Assert.Equal(input.Trim().ToUpperInvariant(), code.Value);
        Assert.Equal(18, code.Value.Length);
    }

    [Fact]
    public void DivisionCode_IsPositionsThreeToEight() =>
        Assert.Equal("350100", UnifiedSocialCreditCode.Parse("91350100M000100Y43").DivisionCode);

    [Theory]
    [InlineData("91350100M000100Y44", "校验位不正确")]
    [InlineData("91350100M000100Y4", "应为 18 位")]
    [InlineData("", "应为 18 位")]
    [InlineData(null, "应为 18 位")]
    [InlineData("91350100M000100YO3", "无效字符“O”")]
    [InlineData("9135010０M000100Y43", "无效字符")]
    public void InvalidCodes_AreRefusedWithAChineseReason(string? input, string reason)
    {
        var error = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(input));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
