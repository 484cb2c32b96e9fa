using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Identity;
using YiyangPortal.Infrastructure.Identity;

namespace YiyangPortal.Web.Security;

/// <summary>
/// The passwords no one should choose, checked offline (NIST SP 800-63B 5.1.1.2, ASVS 2.1.7): a bundled list of the
/// most common and breached passwords (common-passwords.txt.gz, ~49,500, see docs/security.md), or the file
/// <c>Portal:Passwords:BlocklistFile</c> names instead (one password a line, plain or .gz). A password counts as common
/// when it is on the list ignoring case, when it is a listed one with digits or marks added at the end
/// ("password2024!"), or when it only repeats a few characters ("abcabcabcabc").
/// </summary>
public sealed class CommonPasswords
{
    private const string Resource = "YiyangPortal.Web.common-passwords.txt.gz";
    private readonly HashSet<string> _passwords;

    public CommonPasswords(IConfiguration configuration)
    {
        var file = configuration["Portal:Passwords:BlocklistFile"];
        var bundled = string.IsNullOrWhiteSpace(file);
        using var stream = bundled
            ? typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"Missing resource {Resource}.")
            : File.OpenRead(file!);
        using var text = bundled || file!.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8)
            : new StreamReader(stream, Encoding.UTF8);
        _passwords = new HashSet<string>(StringComparer.Ordinal);
        while (text.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                _passwords.Add(line.ToLowerInvariant());
            }
        }
    }

    public int Count => _passwords.Count;

    public bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (_passwords.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| ".ToCharArray());
        return (stem.Length >= 4 && stem.Length < lower.Length && _passwords.Contains(stem)) || RepeatsFewCharacters(lower);
    }

    /// <summary>"aaaaaaaaaaaa", "abababababab", "123412341234": a unit of up to four characters repeated.</summary>
    private static bool RepeatsFewCharacters(string password)
    {
        for (var unit = 1; unit <= 4 && unit < password.Length; unit++)
        {
            var repeats = true;
            for (var i = unit; i < password.Length && repeats; i++)
            {
                repeats = password[i] == password[i % unit];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Refuses, wherever a password is set (account creation, reset, change): common and breached passwords, a password
/// containing the part of the e-mail address before the @, and the user's current password again (issue 12).
/// </summary>
public sealed class PasswordScreening(CommonPasswords common) : IPasswordValidator<PortalUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string ContainsEmailCode = "PasswordContainsEmail";
    public const string ReusedCode = "PasswordReused";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (common.IsCommon(password))
        {
            errors.Add(new IdentityError { Code = CommonCode, Description = "该密码过于常见，或出现在已泄露的密码中，请换一个不易被猜到的密码。" });
        }

        var local = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0];
        if (local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = ContainsEmailCode, Description = "密码不能包含电子邮箱 @ 前面的部分。" });
        }

        if (user.PasswordHash is { } current &&
            manager.PasswordHasher.VerifyHashedPassword(user, current, password) != PasswordVerificationResult.Failed)
        {
            errors.Add(new IdentityError { Code = ReusedCode, Description = "新密码不能与当前密码相同。" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
