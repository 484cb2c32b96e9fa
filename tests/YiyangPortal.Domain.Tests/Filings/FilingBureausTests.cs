using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Domain.Tests.Agreements;

namespace YiyangPortal.Domain.Tests.Filings;

/// <summary>
/// Issue 11 point 2 (2020 guide 六(四): 当地县级卫生健康行政部门和民政部门; templates: 一式四份): the bureaus come from the
/// register, the PDF names them as registered, and only the two parties' counties' health bureaus can be chosen.
/// </summary>
public class FilingBureausTests
{
    private static readonly County Yuecheng = new(AgreementFixture.TenantId, "330602", "越城区", CountyKind.District);
    private static readonly County Keqiao = new(AgreementFixture.TenantId, "330603", "柯桥区", CountyKind.District);
    private static readonly County Zhuji = new(AgreementFixture.TenantId, "330681", "诸暨市", CountyKind.CountyLevelCity);

    [Fact]
    public void HealthChoices_SameCounty_OneBureau_OtherwiseBothParties()
    {
        Assert.Equal(["越城区卫生健康局"], FilingBureaus.HealthChoices(Yuecheng, Yuecheng).Select(b => b.Name));
        Assert.Equal(["越城区卫生健康局", "柯桥区卫生健康局"], FilingBureaus.HealthChoices(Yuecheng, Keqiao).Select(b => b.Name));
        Assert.All(FilingBureaus.HealthChoices(Yuecheng, Keqiao), b => Assert.Equal(Bureau.Health, b.Kind));
    }

    [Fact]
    public void WithBureaus_NamesTheRegisteredBureaus_ElderCareCountyByDefault()
    {
        var terms = new AgreementTerms { CivilAffairsBureauName = "XXX民政局", HealthBureauName = "XXX卫生健康委（局）" }.WithBureaus(Yuecheng, Keqiao);

        Assert.Equal("越城区民政局", terms.CivilAffairsBureauName);
        Assert.Equal("越城区卫生健康局", terms.HealthBureauName);
        Assert.Equal(Yuecheng.Id, terms.HealthBureauCountyId);
    }

    [Fact]
    public void WithBureaus_TheMedicalCountyChosen_NamesItsHealthBureau_CivilAffairsStaysWithTheHome()
    {
        var terms = new AgreementTerms { HealthBureauCountyId = Zhuji.Id }.WithBureaus(Yuecheng, Zhuji);

        Assert.Equal("越城区民政局", terms.CivilAffairsBureauName);
        Assert.Equal("诸暨市卫生健康局", terms.HealthBureauName);
    }

    [Fact]
    public void WithBureaus_ACountyOfNeitherParty_IsRefused()
    {
        var terms = new AgreementTerms { HealthBureauCountyId = Zhuji.Id };

        Assert.Equal(FilingBureaus.NotAChoice, Assert.Throws<DomainException>(() => terms.WithBureaus(Yuecheng, Keqiao)).Message);
    }
}
