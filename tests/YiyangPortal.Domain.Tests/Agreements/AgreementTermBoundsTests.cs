using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>Issue 12: a far-future term is refused at input, and an agreement is renewed once.</summary>
public class AgreementTermBoundsTests
{
    [Theory]
    [InlineData("2026-03-01", "9999-12-31")]
    [InlineData("9999-01-01", "9999-12-31")]
    [InlineData("1900-01-01", "2026-12-31")]
    [InlineData("2026-03-01", "2036-03-02")]
    public void UpdateTerms_TermOutOfRange_IsRefusedWithAMessage(string from, string to)
    {
        var agreement = Draft();
        var term = new ValidityPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var refused = Assert.Throws<DomainException>(() => agreement.UpdateTerms(Elder(), agreement.Terms with { Term = term }));

        Assert.Contains("协议有效期", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateTerms_TenYears_IsAccepted()
    {
        var agreement = Draft();

        agreement.UpdateTerms(Elder(), agreement.Terms with { Term = new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2036, 3, 1)) });

        Assert.Equal(new DateOnly(2036, 3, 1), agreement.Terms.Term?.To);
    }

    [Fact]
    public void CreateRenewal_WhenARenewalExists_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => Effective().CreateRenewal(Elder(), "R-2", existingRenewal: "R-1"));

        Assert.Contains("R-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalTerm_OfATermEndingInTheLastYearTheCalendarHas_IsRefusedNotThrown() =>
        Assert.Throws<DomainException>(() => AgreementRenewalTerm.Following(new ValidityPeriod(new DateOnly(9999, 1, 1), new DateOnly(9999, 12, 31))));
}
