namespace YiyangPortal.Domain.Identity;

/// <summary>The five roles of the portal. A user holds exactly one, with the binding that role needs.</summary>
public enum PortalRole
{
    /// <summary>平台管理员: operates the platform across tenants; belongs to no tenant.</summary>
    PlatformAdmin = 1,

    /// <summary>租户管理员: administers one city deployment.</summary>
    TenantAdmin = 2,

    /// <summary>养老机构工作人员: bound to one elder-care institution; drafts agreements.</summary>
    ElderCareStaff = 3,

    /// <summary>医疗机构管理员: bound to one medical institution; approves service items.</summary>
    MedicalAdmin = 4,

    /// <summary>监管人员: bound to a bureau (民政 or 卫健), at county level or city level.</summary>
    Regulator = 5,
}
