using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Domain.Tests;

public class TenancyRulesTests
{
    [Theory]
    [InlineData("shaoxing", true)]
    [InlineData("wenzhou", true)]
    [InlineData("city-2", true)]
    [InlineData("Shaoxing", false)]
    [InlineData("s", false)]
    [InlineData("-shaoxing", false)]
    [InlineData("绍兴", false)]
    [InlineData("health", false)]
    [InlineData("login", false)]
    [InlineData("lib", false)]
    [InlineData(null, false)]
    public void IsValidSlug_AcceptsOnlyLowercaseUnreservedSlugs(string? slug, bool expected) =>
        Assert.Equal(expected, Tenant.IsValidSlug(slug));

    [Fact]
    public void NewTenant_WithBadSlug_IsRefused() =>
        Assert.Throws<DomainException>(() => new Tenant("Shao Xing", "绍兴市", "330600"));

    [Theory]
    [InlineData("33060")]
    [InlineData("33060X")]
    [InlineData("3306021")]
    public void County_WithMalformedDivisionCode_IsRefused(string code) =>
        Assert.Throws<DomainException>(() => new County(Guid.NewGuid(), code, "越城区", CountyKind.District));

    [Fact]
    public void County_NamesItsTwoBureaus()
    {
        var county = new County(Guid.NewGuid(), "330602", "越城区", CountyKind.District);
        Assert.Equal("越城区民政局", county.CivilAffairsBureauName);
        Assert.Equal("越城区卫生健康局", county.HealthBureauName);
    }

    [Fact]
    public void RenameBureaus_TakesTrimmedNames()
    {
        var county = new County(Guid.NewGuid(), "330603", "柯桥区", CountyKind.District);

        county.RenameBureaus(" 柯桥区社会事业局 ", "柯桥区卫生健康委员会\u3000");

        Assert.Equal(("柯桥区社会事业局", "柯桥区卫生健康委员会"), (county.CivilAffairsBureauName, county.HealthBureauName));
    }

    [Theory]
    [InlineData("", "柯桥区卫生健康局", "CivilAffairsBureauName", "请填写民政部门的名称。")]
    [InlineData("柯桥区民政局", "  ", "HealthBureauName", "请填写卫生健康部门的名称。")]
    [InlineData("柯桥区民政局\n", "柯桥区卫生健康局", null, null)]
    [InlineData("柯桥\n民政局", "柯桥区卫生健康局", "CivilAffairsBureauName", "名称只能有一行，不能含换行等控制字符。")]
    public void RenameBureaus_RefusesEmptyOrBrokenNames_AndKeepsTheOldOnes(string civil, string health, string? field, string? message)
    {
        var county = new County(Guid.NewGuid(), "330603", "柯桥区", CountyKind.District);
        var problems = County.BureauNameProblems(civil, health);

        if (field is null)
        {
            Assert.Empty(problems);
            return;
        }

        Assert.Equal((field, message), (problems.Single().Field, problems.Single().Message));
        var refused = Assert.Throws<DomainException>(() => county.RenameBureaus(civil, health));
        Assert.Equal(message, refused.Message);
        Assert.Equal(("柯桥区民政局", "柯桥区卫生健康局"), (county.CivilAffairsBureauName, county.HealthBureauName));
    }

    [Fact]
    public void RenameBureaus_RefusesNamesLongerThanTheMaximum_ForEach()
    {
        var tooLong = new string('局', County.MaxBureauNameLength + 1);

        var problems = County.BureauNameProblems(tooLong, tooLong);

        Assert.Equal(["CivilAffairsBureauName", "HealthBureauName"], problems.Select(p => p.Field));
        Assert.Equal("民政部门的名称不能超过 50 个字。", problems[0].Message);
        Assert.Empty(County.BureauNameProblems(tooLong[1..], " " + tooLong[1..] + " "));
    }
}
