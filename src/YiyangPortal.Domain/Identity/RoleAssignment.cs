using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Identity;

/// <summary>
/// A user's role together with what it is bound to. The combinations are closed: staff need their elder-care
/// institution, medical admins their medical institution, regulators a bureau (and a county unless city-level);
/// nothing else may carry a binding. A platform admin alone has no tenant.
/// </summary>
public sealed record RoleAssignment
{
    private RoleAssignment(
        PortalRole role, Guid? elderCareInstitutionId, Guid? medicalInstitutionId, Bureau? bureau, Guid? countyId)
    {
        Role = role;
        ElderCareInstitutionId = elderCareInstitutionId;
        MedicalInstitutionId = medicalInstitutionId;
        Bureau = bureau;
        CountyId = countyId;
    }

    public PortalRole Role { get; }

    public Guid? ElderCareInstitutionId { get; }

    public Guid? MedicalInstitutionId { get; }

    public Bureau? Bureau { get; }

    /// <summary>The county of a county-level regulator; null for a city-level regulator.</summary>
    public Guid? CountyId { get; }

    public bool RequiresTenant => Role != PortalRole.PlatformAdmin;

    public bool IsCityLevelRegulator => Role == PortalRole.Regulator && CountyId is null;

    public static RoleAssignment PlatformAdmin() => new(PortalRole.PlatformAdmin, null, null, null, null);

    public static RoleAssignment TenantAdmin() => new(PortalRole.TenantAdmin, null, null, null, null);

    public static RoleAssignment ElderCareStaff(Guid elderCareInstitutionId) =>
        new(PortalRole.ElderCareStaff, RequireId(elderCareInstitutionId, "养老机构"), null, null, null);

    public static RoleAssignment MedicalAdmin(Guid medicalInstitutionId) =>
        new(PortalRole.MedicalAdmin, null, RequireId(medicalInstitutionId, "医疗机构"), null, null);

    public static RoleAssignment CountyRegulator(Bureau bureau, Guid countyId) =>
        new(PortalRole.Regulator, null, null, RequireBureau(bureau), RequireId(countyId, "区县"));

    public static RoleAssignment CityRegulator(Bureau bureau) =>
        new(PortalRole.Regulator, null, null, RequireBureau(bureau), null);

    /// <summary>Rebuilds an assignment from stored columns, refusing combinations the factories would not make.</summary>
    public static RoleAssignment Restore(
        PortalRole role, Guid? elderCareInstitutionId, Guid? medicalInstitutionId, Bureau? bureau, Guid? countyId)
    {
        var restored = role switch
        {
            PortalRole.PlatformAdmin => PlatformAdmin(),
            PortalRole.TenantAdmin => TenantAdmin(),
            PortalRole.ElderCareStaff => ElderCareStaff(elderCareInstitutionId ?? Guid.Empty),
            PortalRole.MedicalAdmin => MedicalAdmin(medicalInstitutionId ?? Guid.Empty),
            PortalRole.Regulator when bureau is null => throw new DomainException("监管人员必须指定所属部门（民政或卫健）。"),
            PortalRole.Regulator when countyId is null => CityRegulator(bureau.Value),
            PortalRole.Regulator => CountyRegulator(bureau.Value, countyId.Value),
            _ => throw new DomainException("未知的角色。"),
        };

        if (restored != new RoleAssignment(role, elderCareInstitutionId, medicalInstitutionId, bureau, countyId))
        {
            throw new DomainException("该角色不能绑定所给的机构、部门或区县。");
        }

        return restored;
    }

    private static Guid RequireId(Guid id, string what) =>
        id == Guid.Empty ? throw new DomainException("该角色必须绑定{0}。", what) : id;

    private static Bureau RequireBureau(Bureau bureau) =>
        Enum.IsDefined(bureau) ? bureau : throw new DomainException("监管人员必须指定所属部门（民政或卫健）。");
}
