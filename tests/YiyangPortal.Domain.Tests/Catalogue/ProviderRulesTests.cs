using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests.Catalogue;

public class ProviderRulesTests
{
    private static ServiceItem Item(string code) =>
        StandardCatalogue.CreateFor(TestInstitutions.Tenant).Single(i => i.Code == code);

    [Fact]
    public void TcmItem_WithoutTcmQualification_IsRefused()
    {
        var result = Item("TCM-DX").AssessProvider(TestInstitutions.Medical(tcm: false));
        Assert.False(result.IsAllowed);
        Assert.Contains("中医药服务资质", result.Refusals[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TcmItem_WithTcmQualification_IsAllowed() =>
        Assert.True(Item("TCM-DX").AssessProvider(TestInstitutions.Medical(tcm: true)).IsAllowed);

    // 2020 guide 三(八) 医疗卫生机构可……设立家庭病床; 绍兴附件2 二.5 names 基层: a warning for others, not a refusal.
    [Theory]
    [InlineData(MedicalInstitutionKind.CommunityHealthCenter, false)]
    [InlineData(MedicalInstitutionKind.VillageClinic, false)]
    [InlineData(MedicalInstitutionKind.GeneralHospital, true)]
    [InlineData(MedicalInstitutionKind.NursingHospital, true)]
    public void FamilySickbed_ByANonPrimaryInstitution_IsAWarningNotARefusal(MedicalInstitutionKind kind, bool warned)
    {
        var result = Item("SICKBED-SETUP").AssessProvider(TestInstitutions.Medical(kind));
        Assert.True(result.IsAllowed);
        Assert.Equal(warned, result.Warnings.Count == 1);
    }

    [Theory]
    [InlineData(HospitalGrade.Ungraded, true)]
    [InlineData(HospitalGrade.Level1, true)]
    [InlineData(HospitalGrade.Level2, false)]
    [InlineData(HospitalGrade.Level3, false)]
    public void GreenChannel_BelowLevel2_IsAWarningNotARefusal(HospitalGrade grade, bool warned)
    {
        var result = Item("GREEN-EMERGENCY").AssessProvider(TestInstitutions.Medical(MedicalInstitutionKind.GeneralHospital, grade));
        Assert.True(result.IsAllowed);
        Assert.Equal(warned, result.Warnings.Count == 1);
    }

    [Fact]
    public void PublicHealthFunding_ByAHospital_IsRefused()
    {
        var hospital = TestInstitutions.Medical(MedicalInstitutionKind.GeneralHospital, HospitalGrade.Level2);
        Assert.NotNull(ProviderRules.FundingRefusal(Funding.BasicPublicHealth, hospital));
        Assert.Null(ProviderRules.FundingRefusal(Funding.BasicPublicHealth, TestInstitutions.Medical()));
    }

    [Fact]
    public void InsuranceFunding_ByANonDesignatedInstitution_IsRefused() =>
        Assert.NotNull(ProviderRules.FundingRefusal(Funding.MedicalInsurance, TestInstitutions.Medical(insurance: false)));
}
