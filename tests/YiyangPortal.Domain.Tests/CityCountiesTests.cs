using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Domain.Tests;

/// <summary>ADR 054: a new city's code and the counties typed one per line, with the kind read from each code.</summary>
public class CityCountiesTests
{
    [Theory]
    [InlineData("330602", CountyKind.District)]
    [InlineData("330620", CountyKind.District)]
    [InlineData("330624", CountyKind.County)]
    [InlineData("330681", CountyKind.CountyLevelCity)]
    public void KindOf_FollowsTheLastTwoDigits(string code, CountyKind kind) => Assert.Equal(kind, County.KindOf(code));

    [Fact]
    public void Parse_ReadsFullWidthInput_AndSkipsBlankLines()
    {
        var (counties, problems) = CityCounties.Parse("330602 越城区\n\n３３０６２４　新昌县\r\n", "330600");

        Assert.Empty(problems);
        Assert.Equal([new CountyLine("330602", "越城区", CountyKind.District), new CountyLine("330624", "新昌县", CountyKind.County)], counties);
    }

    [Theory]
    [InlineData("330000")]
    [InlineData("33060")]
    [InlineData("330601")]
    public void CityCode_MustBeSixDigitsEndingIn00_NotAProvince(string code) =>
        Assert.Contains(Tenant.Problems("city", "某市", code), p => p.Field == "DivisionCode");

    [Fact]
    public void ReservedSlug_IsRefused() =>
        Assert.Contains(Tenant.Problems("platform", "某市", "330600"), p => p.Field == "Slug");
}
