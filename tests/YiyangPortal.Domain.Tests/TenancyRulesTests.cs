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
}
