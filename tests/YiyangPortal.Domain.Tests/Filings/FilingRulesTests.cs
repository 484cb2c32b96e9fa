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

    /// <summary>Issue 11 point 2: 一式四份 — exactly the two bureaus the agreement names, never a third filing.</summary>
    [Fact]
    public void ForEffectiveAgreement_MedicalInAnotherCounty_TwoFilings_ToTheElderCareCountyByDefault()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Keqiao);

        var filings = FilingRules.ForEffectiveAgreement(EffectiveBetween(home, centre, Signed), home, centre);

        Assert.Equal(2, filings.Count);
        Assert.Single(filings, f => f.Bureau == Bureau.CivilAffairs && f.CountyId == Yuecheng);
        Assert.Single(filings, f => f.Bureau == Bureau.Health && f.CountyId == Yuecheng);
    }

    [Fact]
    public void ForEffectiveAgreement_ChosenHealthBureauOfTheMedicalCounty_ReceivesTheHealthFiling()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Keqiao);

        var filings = FilingRules.ForEffectiveAgreement(EffectiveBetween(home, centre, Signed, healthBureauCountyId: Keqiao), home, centre);

        Assert.Equal(2, filings.Count);
        Assert.Single(filings, f => f.Bureau == Bureau.CivilAffairs && f.CountyId == Yuecheng);
        Assert.Single(filings, f => f.Bureau == Bureau.Health && f.CountyId == Keqiao);
    }

    [Fact]
    public void ForEffectiveAgreement_HealthBureauOfAThirdCounty_IsRefused()
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Keqiao);
        var agreement = EffectiveBetween(home, centre, Signed, healthBureauCountyId: Guid.NewGuid());

        Assert.Equal(FilingBureaus.NotAChoice, Assert.Throws<DomainException>(() => FilingRules.ForEffectiveAgreement(agreement, home, centre)).Message);
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
