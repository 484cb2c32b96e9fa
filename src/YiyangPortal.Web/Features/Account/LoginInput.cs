using FluentValidation;

namespace YiyangPortal.Web.Features.Account;

public sealed class LoginInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage("请输入电子邮箱。")
            .MaximumLength(256).WithMessage("电子邮箱不能超过 256 个字符。")
            .EmailAddress().WithMessage("电子邮箱格式不正确。");
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage("请输入密码。")
            .MaximumLength(128).WithMessage("密码不能超过 128 个字符。");
    }
}
