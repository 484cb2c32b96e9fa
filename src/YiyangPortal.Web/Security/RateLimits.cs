using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace YiyangPortal.Web.Security;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> (fixed window).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    internal FixedWindowRateLimiterOptions Options() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// The limits of <c>Portal:RateLimits</c> (issue 12, ASVS 2.2.1 and 11.1.4): sign-in per client address and per
/// account, password changes per user, and the public verification look-up and upload per client address. Over a
/// limit the answer is 429 with a Chinese page (or, for sign-in per account, the login form with the message).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    public const string LoginPolicy = "login";
    public const string PasswordPolicy = "password";
    public const string VerifyLookupPolicy = "verify-lookup";
    public const string VerifyUploadPolicy = "verify-upload";

    /// <summary>False: no limit at all (the test host; each limit has its own tests with their own numbers).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts from one address, whatever the account (a password spray).</summary>
    public RateLimit LoginPerAddress { get; set; } = new() { PermitLimit = 30, WindowSeconds = 300 };

    /// <summary>Sign-in attempts for one e-mail address in one city, whether or not it exists (password guessing).</summary>
    public RateLimit LoginPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>Password changes by one signed-in user (guessing the current password from a stolen session).</summary>
    public RateLimit PasswordChange { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    /// <summary>Verification look-ups from one address (walking the document numbers).</summary>
    public RateLimit VerifyLookup { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Verification uploads (up to 20 MB each) from one address.</summary>
    public RateLimit VerifyUpload { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
}

public static class RateLimits
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask; // no body: the status-code page answers in Chinese
            };
            limiter.AddPolicy(RateLimitOptions.LoginPolicy, http => Partition(options, options.LoginPerAddress, "login:" + Address(http)));
            limiter.AddPolicy(RateLimitOptions.PasswordPolicy, http => Partition(
                options, options.PasswordChange, "password:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Address(http))));
            limiter.AddPolicy(RateLimitOptions.VerifyLookupPolicy, http => Partition(options, options.VerifyLookup, "verify:" + Address(http)));
            limiter.AddPolicy(RateLimitOptions.VerifyUploadPolicy, http => Partition(options, options.VerifyUpload, "verify-upload:" + Address(http)));
        });
        return services;
    }

    /// <summary>The client address (behind the proxy: the forwarded one, see Portal:BehindProxy).</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Partition(RateLimitOptions options, RateLimit limit, string key) =>
        options.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.Options())
            : RateLimitPartition.GetNoLimiter(key);
}

/// <summary>
/// Sign-in attempts per account (tenant + e-mail as typed, lower-cased), counted for addresses that exist and that do
/// not alike, so the answer tells nothing about which exist. Built on the same rate limiter as the endpoint policies;
/// the account is only known once the form is read, so the login action asks this itself.
/// </summary>
public sealed class LoginThrottle(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        options.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => options.LoginPerAccount.Options())
            : RateLimitPartition.GetNoLimiter(key));

    /// <summary>False when this account has had too many attempts in the current window.</summary>
    public bool TryAttempt(Guid? tenantId, string email)
    {
        using var lease = _limiter.AttemptAcquire(PortalClaims.TenantValue(tenantId) + ":" + email.Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
