using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Account;

/// <summary>
/// Sign-in for the tenant of the URL (<c>/shaoxing/login</c>) or, without a tenant, for platform admins
/// (<c>/login</c>). The user is looked up inside the tenant only: another city's account simply does not exist here.
/// </summary>
public sealed partial class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByNameAsync(input.Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, l["电子邮箱或密码不正确。"]);
            return View(input);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            ModelState.AddModelError(string.Empty, user.LockoutEnd == DateTimeOffset.MaxValue
                ? l["账户已停用，请联系本市管理员。"]
                : l["登录失败次数过多，账户已临时锁定，请 15 分钟后再试。"]);
            return View(input);
        }

        if (!result.Succeeded)
        {
            LogFailed(logger, user.Id);
            ModelState.AddModelError(string.Empty, l["电子邮箱或密码不正确。"]);
            return View(input);
        }

        LogSignedIn(logger, user.Id);
        if (!string.IsNullOrEmpty(input.ReturnUrl) && Url.IsLocalUrl(input.ReturnUrl))
        {
            return LocalRedirect(input.ReturnUrl);
        }

        return Redirect(Url.Content(Navigation.HomeOf(user.Role)));
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect(Url.Content("~/login"));
    }

    [HttpGet("account/password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("account/password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (!ModelState.IsValid || await users.GetUserAsync(User) is not { } user)
        {
            return View(new ChangePasswordInput());
        }

        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            ModelState.AddModelError(
                wrongCurrent ? nameof(input.CurrentPassword) : nameof(input.NewPassword),
                wrongCurrent ? l["当前密码不正确。"] : l["新密码不符合要求：至少 12 个字符。"]);
            return View(new ChangePasswordInput());
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["密码已修改。"].Value;
        return Redirect(Url.Content(Navigation.HomeOf(user.Role)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for user {UserId}")]
    private static partial void LogFailed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);
}
