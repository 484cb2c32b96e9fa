using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>A clock the test moves: the system's time plus <see cref="Offset"/>.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>Sessions rechecked on every request (no cache), a long idle timeout, and a clock the test moves.</summary>
public sealed class SessionAppFactory : PortalAppFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Sessions:RecheckSeconds", "0");
        builder.UseSetting("Portal:Sessions:IdleMinutes", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Rate limits on, with small numbers; the client address comes from X-Forwarded-For, so each test uses its own.
/// Every password check is counted (the sign-in timing tests).
/// </summary>
public sealed class LimitedAppFactory : PortalAppFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:BehindProxy", "true");
        builder.UseSetting("Portal:RateLimits:Enabled", "true");
        builder.UseSetting("Portal:RateLimits:LoginPerAddress:PermitLimit", "6");
        builder.UseSetting("Portal:RateLimits:LoginPerAddress:WindowSeconds", "600");
        builder.UseSetting("Portal:RateLimits:LoginPerAccount:PermitLimit", "3");
        builder.UseSetting("Portal:RateLimits:LoginPerAccount:WindowSeconds", "600");
        builder.UseSetting("Portal:RateLimits:PasswordChange:PermitLimit", "2");
        builder.UseSetting("Portal:RateLimits:PasswordChange:WindowSeconds", "600");
        builder.UseSetting("Portal:RateLimits:VerifyLookup:PermitLimit", "3");
        builder.UseSetting("Portal:RateLimits:VerifyLookup:WindowSeconds", "600");
        builder.UseSetting("Portal:RateLimits:VerifyUpload:PermitLimit", "2");
        builder.UseSetting("Portal:RateLimits:VerifyUpload:WindowSeconds", "600");
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(Hasher));
    }
}

/// <summary>Identity's hasher, counting how often a password is checked.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
