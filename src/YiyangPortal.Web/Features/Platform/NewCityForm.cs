using FluentValidation;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>新增城市 as typed: the city (the <see cref="Domain.Tenancy.Tenant"/> rules), its counties, its first admin.</summary>
public sealed class NewCityForm
{
    /// <summary>租户标识: the first path segment of the city's URLs (<c>/shaoxing/...</c>).</summary>
    public string? Slug { get; set; }

    public string? Name { get; set; }

    /// <summary>GB/T 2260 code of the city, e.g. 330600.</summary>
    public string? DivisionCode { get; set; }

    /// <summary>One county per line, "代码 名称" (<see cref="Domain.Tenancy.CityCounties"/>).</summary>
    public string? Counties { get; set; }

    public string? AdminEmail { get; set; }

    public string? AdminName { get; set; }
}

/// <summary>The first admin's fields, with the same rules and words as 账户管理's 开通账户 (AccountFormValidator).</summary>
public sealed class NewCityFormValidator : AbstractValidator<NewCityForm>
{
    public NewCityFormValidator()
    {
        RuleFor(f => f.AdminEmail).NotEmpty().WithMessage("请填写电子邮箱。")
            .MaximumLength(256).WithMessage("电子邮箱过长。")
            .EmailAddress().WithMessage("电子邮箱格式不正确。");
        RuleFor(f => f.AdminName).NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(50).WithMessage("姓名不能超过 50 个字。");
    }
}
