using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests;

public class InstitutionRulesTests
{
    [Theory]
    [InlineData(MedicalInstitutionKind.TownshipHealthCenter, true)]
    [InlineData(MedicalInstitutionKind.CommunityHealthCenter, true)]
    [InlineData(MedicalInstitutionKind.CommunityHealthStation, true)]
    [InlineData(MedicalInstitutionKind.VillageClinic, true)]
    [InlineData(MedicalInstitutionKind.GeneralHospital, false)]
    [InlineData(MedicalInstitutionKind.TcmHospital, false)]
    [InlineData(MedicalInstitutionKind.RehabilitationHospital, false)]
    [InlineData(MedicalInstitutionKind.NursingHospital, false)]
    [InlineData(MedicalInstitutionKind.HospiceCenter, false)]
    public void IsPrimaryLevel_FollowsTheKind(MedicalInstitutionKind kind, bool expected) =>
        Assert.Equal(expected, kind.IsPrimaryLevel());

    /// <summary>ADR 051: 站 and 村卫生室 are not graded; 卫生院 and 社区卫生服务中心 at most 二级; hospitals any grade.</summary>
    [Theory]
    [InlineData(MedicalInstitutionKind.VillageClinic, HospitalGrade.Ungraded, true)]
    [InlineData(MedicalInstitutionKind.VillageClinic, HospitalGrade.Level1, false)]
    [InlineData(MedicalInstitutionKind.VillageClinic, HospitalGrade.Level3, false)]
    [InlineData(MedicalInstitutionKind.CommunityHealthStation, HospitalGrade.Level2, false)]
    [InlineData(MedicalInstitutionKind.TownshipHealthCenter, HospitalGrade.Level2, true)]
    [InlineData(MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level1, true)]
    [InlineData(MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level3, false)]
    [InlineData(MedicalInstitutionKind.GeneralHospital, HospitalGrade.Level3, true)]
    [InlineData(MedicalInstitutionKind.NursingHospital, HospitalGrade.Ungraded, true)]
    public void GradeProblem_FollowsTheKind(MedicalInstitutionKind kind, HospitalGrade grade, bool allowed) =>
        Assert.Equal(allowed, kind.GradeProblem(grade) is null);

    [Fact]
    public void PrimaryLevelKinds_AreExactlyTheFourPrimaryKinds() =>
        Assert.Equal(
            [MedicalInstitutionKind.TownshipHealthCenter, MedicalInstitutionKind.CommunityHealthCenter,
             MedicalInstitutionKind.CommunityHealthStation, MedicalInstitutionKind.VillageClinic],
            MedicalInstitutionKindRules.PrimaryLevelKinds);

    [Theory]
    [InlineData(ElderCareInstitutionKind.NursingHome, 50, false, true)]
    [InlineData(ElderCareInstitutionKind.NursingHome, 49, false, false)]
    [InlineData(ElderCareInstitutionKind.NursingHome, 120, true, false)]
    [InlineData(ElderCareInstitutionKind.DayCare, 80, false, false)]
    public void ShouldSetUpInternalMedicalInstitution_From50Residents(
        ElderCareInstitutionKind kind, int residents, bool hasInternal, bool expected) =>
        Assert.Equal(expected, TestInstitutions.ElderCare(kind, 200, residents, hasInternal).ShouldSetUpInternalMedicalInstitution);

    [Fact]
    public void Institution_WithNegativeResidents_IsRefused() =>
        Assert.Throws<DomainException>(() => TestInstitutions.ElderCare(residents: -1));

    [Fact]
    public void NursingHome_WithMoreResidentsThanBeds_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => TestInstitutions.ElderCare(beds: 40, residents: 41));
        Assert.Contains("不能超过床位数", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Institution_WithBlankOrOverlongName_IsRefused()
    {
        Assert.Throws<DomainException>(() => new MedicalInstitution(
            TestInstitutions.Tenant, TestInstitutions.MedicalDetails(name: "  ")));
        Assert.Throws<DomainException>(() => new MedicalInstitution(
            TestInstitutions.Tenant, TestInstitutions.MedicalDetails(name: new string('医', 101))));
    }

    [Fact]
    public void Institution_WithoutRegistrationNumber_IsRefused()
    {
        var details = TestInstitutions.ElderCareDetails() with { RegistrationNumber = " " };
        var error = Assert.Throws<DomainException>(() => new ElderCareInstitution(TestInstitutions.Tenant, details));
        Assert.Equal("请填写备案（登记）号。", error.Message);
    }

    [Fact]
    public void UpdateProfile_ChangesContactAndCapacity_ButNotIdentity()
    {
        var home = TestInstitutions.ElderCare();
        var name = home.Name;

        home.UpdateProfile(new InstitutionContact(" 新地址 1 号 ", "赵敏", "钱勇", "13800000000"), beds: 210, residents: 90);

        Assert.Equal("新地址 1 号", home.Address);
        Assert.Equal("赵敏", home.LegalRepresentative);
        Assert.Equal((210, 90), (home.Beds, home.Residents));
        Assert.Equal(name, home.Name);
    }

    [Fact]
    public void Deactivate_KeepsTheRecord_AndCanBeUndone()
    {
        var clinic = TestInstitutions.Medical();
        clinic.Deactivate();
        Assert.False(clinic.IsActive);
        clinic.Reactivate();
        Assert.True(clinic.IsActive);
    }
}
