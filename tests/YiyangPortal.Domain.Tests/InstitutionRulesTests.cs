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
        ElderCareInstitutionKind kind, int residents, bool hasInternal, bool expected)
    {
        var home = new ElderCareInstitution(Guid.NewGuid(), Guid.NewGuid(), "福乐养老院", kind, "地址", 200, residents)
        {
            HasInternalMedicalInstitution = hasInternal,
        };
        Assert.Equal(expected, home.ShouldSetUpInternalMedicalInstitution);
    }

    [Fact]
    public void Institution_WithNegativeResidents_IsRefused() =>
        Assert.Throws<DomainException>(() => new ElderCareInstitution(
            Guid.NewGuid(), Guid.NewGuid(), "福乐养老院", ElderCareInstitutionKind.NursingHome, "地址", 10, -1));

    [Fact]
    public void Institution_WithBlankOrOverlongName_IsRefused()
    {
        Assert.Throws<DomainException>(() => new MedicalInstitution(
            Guid.NewGuid(), Guid.NewGuid(), "  ", MedicalInstitutionKind.VillageClinic, HospitalGrade.Ungraded, "地址"));
        Assert.Throws<DomainException>(() => new MedicalInstitution(
            Guid.NewGuid(), Guid.NewGuid(), new string('医', 101), MedicalInstitutionKind.VillageClinic, HospitalGrade.Ungraded, "地址"));
    }
}
