using Microsoft.AspNetCore.Identity;
using YiyangPortal.Infrastructure.Identity;

namespace YiyangPortal.Web.Security;

/// <summary>OWASP ASVS 4.0 V2.1.2: passwords of up to 128 characters are allowed, and no longer.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"密码不能超过 {MaxLength} 个字符。" })
            : IdentityResult.Success);
}
