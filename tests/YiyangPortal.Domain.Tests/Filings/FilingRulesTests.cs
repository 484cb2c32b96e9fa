using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tests.Agreements;
using static YiyangPortal.Domain.Tests.Filings.FilingTestData;

namespace YiyangPortal.Domain.Tests.Filings;

public class FilingRulesTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 31, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ForEffectiveAgreement_SameCounty_OneFilingToEachBureauOfThatCounty()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Yuecheng);

        var filings = FilingRules.ForEffectiveAgreement(EffectiveBetween(home, centre, Signed), home, centre);

        Assert.Equal(2, filings.Count);
        Assert.Contains(filings, f => f.Bureau == Bureau.CivilAffairs && f.CountyId == Yuecheng);
        Assert.Contains(filings, f => f.Bureau == Bureau.Health && f.CountyId == Yuecheng);
        Assert.All(filings, f =>
        {
            Assert.Equal(FilingStatus.Pending, f.Status);
            Assert.Equal(new DateOnly(2027, 3, 1), f.DueDate);
            Assert.Equal(AgreementFixture.TenantId, f.TenantId);
        });
    }

    [Fact]
    public void ForEffectiveAgreement_MedicalInAnotherCounty_ThatCountysHealthBureauIsInformedToo()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Keqiao);

        var filings = FilingRules.ForEffectiveAgreement(EffectiveBetween(home, centre, Signed), home, centre);

        Assert.Equal(3, filings.Count);
        Assert.Single(filings, f => f.Bureau == Bureau.CivilAffairs);
        Assert.Single(filings, f => f.Bureau == Bureau.Health && f.CountyId == Keqiao);
        Assert.Single(filings, f => f.Bureau == Bureau.Health && f.CountyId == Yuecheng);
    }

    [Fact]
    public void ForEffectiveAgreement_NotYetEffective_IsRefused()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Yuecheng);
        var draft = AgreementFixture.Draft(AgreementTemplate.ProjectCooperation, home.Id, centre.Id);

        Assert.Throws<DomainException>(() => FilingRules.ForEffectiveAgreement(draft, home, centre));
    }

    [Fact]
    public void ForEffectiveAgreement_OtherInstitutions_IsRefused()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Yuecheng);
        var agreement = EffectiveBetween(home, centre, Signed);

        Assert.Throws<DomainException>(() => FilingRules.ForEffectiveAgreement(agreement, NursingHome(Yuecheng), centre));
    }
}
