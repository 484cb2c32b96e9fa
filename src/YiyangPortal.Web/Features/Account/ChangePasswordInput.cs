using FluentValidation;

namespace YiyangPortal.Web.Features.Account;

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("请填写当前密码。");
        RuleFor(i => i.NewPassword).NotEmpty().WithMessage("请填写新密码。")
            .Length(12, 128).WithMessage("新密码长度应为 12 到 128 个字符。");
        RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("两次输入的新密码不一致。");
    }
}
