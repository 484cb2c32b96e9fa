using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;

namespace YiyangPortal.Web.Features.Account;

/// <summary>
/// Sign-in for the tenant of the URL (<c>/shaoxing/login</c>) or, without a tenant, for platform admins
/// (<c>/login</c>). The user is looked up inside the tenant only: another city's account simply does not exist here.
/// </summary>
public sealed partial class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    SessionStamps sessions,
    LoginThrottle throttle,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>
    /// The one answer to every failed sign-in — unknown address, wrong password, locked or disabled account — so the
    /// answer never tells whether an account exists (issue 12, ASVS 2.2.1 / 3.2.x).
    /// </summary>
    public const string FailedMessage = "电子邮箱或密码不正确。连续输错 5 次后账户将锁定 15 分钟；账户被停用时请联系本市管理员。";

    // A hash of a random password: checked when there is no password of the account to check, so that a sign-in
    // takes the same time whether or not the account exists or is locked.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitOptions.LoginPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        if (!throttle.TryAttempt(HttpContext.GetTenant()?.Id, input.Email!))
        {
            ModelState.AddModelError(string.Empty, l["登录尝试过于频繁，请稍后再试。"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(input);
        }

        var user = await users.FindByNameAsync(input.Email!.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity checks no password for a locked account: spend the same time as a real check.
            users.PasswordHasher.VerifyHashedPassword(user ?? new PortalUser(), DecoyHash.Value, input.Password!);
            if (user is not null)
            {
                LogLockedOut(logger, user.Id);
            }

            return Failed(input);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            LogFailed(logger, user.Id);
            return Failed(input);
        }

        LogSignedIn(logger, user.Id);
        if (!string.IsNullOrEmpty(input.ReturnUrl) && Url.IsLocalUrl(input.ReturnUrl))
        {
            return LocalRedirect(input.ReturnUrl);
        }

        return Redirect(Url.Content(Navigation.HomeOf(user.Role)));
    }

    /// <summary>Ends every session of the user, on every device (a new security stamp), not only this cookie.</summary>
    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await sessions.EndAllAsync(users, user);
        }

        await signIn.SignOutAsync();
        return Redirect(Url.Content("~/login"));
    }

    [HttpGet("account/password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    /// <summary>
    /// A wrong current password counts toward the lockout like a failed sign-in; reaching it ends the user's sessions.
    /// A new password is screened (<see cref="PasswordScreening"/>); once changed, the other sessions end.
    /// </summary>
    [HttpPost("account/password")]
    [Authorize]
    [EnableRateLimiting(RateLimitOptions.PasswordPolicy)]
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
            if (wrongCurrent && await CountFailureAsync(user))
            {
                await signIn.SignOutAsync();
                TempData["Flash"] = l["当前密码多次输入错误，账户已临时锁定，请 15 分钟后重新登录。"].Value;
                return Redirect(Url.Content("~/login"));
            }

            ModelState.AddModelError(
                wrongCurrent ? nameof(input.CurrentPassword) : nameof(input.NewPassword),
                wrongCurrent ? l["当前密码不正确。"] : NewPasswordProblem(result));
            return View(new ChangePasswordInput());
        }

        await users.ResetAccessFailedCountAsync(user);
        sessions.Forget(user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["密码已修改。"].Value;
        return Redirect(Url.Content(Navigation.HomeOf(user.Role)));
    }

    private ViewResult Failed(LoginInput input)
    {
        ModelState.AddModelError(string.Empty, l[FailedMessage]);
        return View(input);
    }

    /// <summary>Counts a wrong current password; true when it locked the account (its sessions are then ended).</summary>
    private async Task<bool> CountFailureAsync(PortalUser user)
    {
        await users.AccessFailedAsync(user);
        if (!await users.IsLockedOutAsync(user))
        {
            return false;
        }

        LogLockedOut(logger, user.Id);
        await sessions.EndAllAsync(users, user);
        return true;
    }

    private string NewPasswordProblem(IdentityResult result)
    {
        var screened = result.Errors
            .Where(e => e.Code is PasswordScreening.CommonCode or PasswordScreening.ContainsEmailCode or PasswordScreening.ReusedCode or "PasswordTooLong")
            .Select(e => l[e.Description].Value)
            .ToList();
        return screened.Count > 0 ? string.Join(" ", screened) : l["新密码不符合要求：至少 12 个字符。"];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for user {UserId}")]
    private static partial void LogFailed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);
}
