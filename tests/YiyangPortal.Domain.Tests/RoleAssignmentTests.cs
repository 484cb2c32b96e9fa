using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Domain.Tests;

public class RoleAssignmentTests
{
    [Fact]
    public void ElderCareStaff_WithoutInstitution_IsRefused() =>
        Assert.Throws<DomainException>(() => RoleAssignment.ElderCareStaff(Guid.Empty));

    [Fact]
    public void MedicalAdmin_WithoutInstitution_IsRefused() =>
        Assert.Throws<DomainException>(() => RoleAssignment.MedicalAdmin(Guid.Empty));

    [Fact]
    public void CountyRegulator_IsBoundToBureauAndCounty()
    {
        var county = Guid.NewGuid();
        var assignment = RoleAssignment.CountyRegulator(Bureau.Health, county);

        Assert.Equal(PortalRole.Regulator, assignment.Role);
        Assert.Equal(Bureau.Health, assignment.Bureau);
        Assert.Equal(county, assignment.CountyId);
        Assert.False(assignment.IsCityLevelRegulator);
    }

    [Fact]
    public void CityRegulator_HasNoCounty() =>
        Assert.True(RoleAssignment.CityRegulator(Bureau.CivilAffairs).IsCityLevelRegulator);

    [Fact]
    public void Regulator_WithUndefinedBureau_IsRefused() =>
        Assert.Throws<DomainException>(() => RoleAssignment.CityRegulator((Bureau)99));

    [Fact]
    public void PlatformAdmin_AloneNeedsNoTenant()
    {
        Assert.False(RoleAssignment.PlatformAdmin().RequiresTenant);
        Assert.True(RoleAssignment.TenantAdmin().RequiresTenant);
        Assert.True(RoleAssignment.ElderCareStaff(Guid.NewGuid()).RequiresTenant);
    }

    [Fact]
    public void Restore_RoundTripsEveryValidAssignment()
    {
        var id = Guid.NewGuid();
        RoleAssignment[] all =
        [
            RoleAssignment.PlatformAdmin(),
            RoleAssignment.TenantAdmin(),
            RoleAssignment.ElderCareStaff(id),
            RoleAssignment.MedicalAdmin(id),
            RoleAssignment.CountyRegulator(Bureau.CivilAffairs, id),
            RoleAssignment.CityRegulator(Bureau.Health),
        ];

        foreach (var a in all)
        {
            Assert.Equal(a, RoleAssignment.Restore(a.Role, a.ElderCareInstitutionId, a.MedicalInstitutionId, a.Bureau, a.CountyId));
        }
    }

    [Fact]
    public void Restore_StaffCarryingABureau_IsRefused() =>
        Assert.Throws<DomainException>(() =>
            RoleAssignment.Restore(PortalRole.ElderCareStaff, Guid.NewGuid(), null, Bureau.Health, null));

    [Fact]
    public void Restore_TenantAdminBoundToAnInstitution_IsRefused() =>
        Assert.Throws<DomainException>(() =>
            RoleAssignment.Restore(PortalRole.TenantAdmin, null, Guid.NewGuid(), null, null));

    [Fact]
    public void Restore_RegulatorWithoutBureau_IsRefusedWithChineseMessage()
    {
        var error = Assert.Throws<DomainException>(() =>
            RoleAssignment.Restore(PortalRole.Regulator, null, null, null, Guid.NewGuid()));
        Assert.Contains("民政或卫健", error.Message, StringComparison.Ordinal);
    }
}
