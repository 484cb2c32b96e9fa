using FluentValidation;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Web.Features.Accounts;

/// <summary>A new account of the city: one role with the binding the role needs (ADR 003).</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public PortalRole? Role { get; set; }

    public Guid? ElderCareInstitutionId { get; set; }

    public Guid? MedicalInstitutionId { get; set; }

    public Bureau? Bureau { get; set; }

    /// <summary>Empty for a city-level regulator (sees every county of the city).</summary>
    public Guid? CountyId { get; set; }

    public RoleAssignment ToAssignment() => Role switch
    {
        PortalRole.TenantAdmin => RoleAssignment.TenantAdmin(),
        PortalRole.ElderCareStaff => RoleAssignment.ElderCareStaff(ElderCareInstitutionId!.Value),
        PortalRole.MedicalAdmin => RoleAssignment.MedicalAdmin(MedicalInstitutionId!.Value),
        PortalRole.Regulator when CountyId is { } county => RoleAssignment.CountyRegulator(Bureau!.Value, county),
        PortalRole.Regulator => RoleAssignment.CityRegulator(Bureau!.Value),
        _ => throw new InvalidOperationException("Validated before."),
    };
}

public sealed class AccountFormValidator : AbstractValidator<AccountForm>
{
    public AccountFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("请填写电子邮箱。")
            .MaximumLength(256).WithMessage("电子邮箱过长。")
            .EmailAddress().WithMessage("电子邮箱格式不正确。");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(50).WithMessage("姓名不能超过 50 个字。");
        RuleFor(f => f.Role).NotNull().WithMessage("请选择角色。")
            .Must(r => r is PortalRole.TenantAdmin or PortalRole.ElderCareStaff or PortalRole.MedicalAdmin or PortalRole.Regulator)
            .WithMessage("请选择角色。");
        RuleFor(f => f.ElderCareInstitutionId).NotNull().When(f => f.Role == PortalRole.ElderCareStaff)
            .WithMessage("请选择所属养老服务机构。");
        RuleFor(f => f.MedicalInstitutionId).NotNull().When(f => f.Role == PortalRole.MedicalAdmin)
            .WithMessage("请选择所属医疗卫生机构。");
        RuleFor(f => f.Bureau).NotNull().When(f => f.Role == PortalRole.Regulator).WithMessage("请选择监管部门。")
            .IsInEnum().WithMessage("请选择监管部门。");
    }
}
