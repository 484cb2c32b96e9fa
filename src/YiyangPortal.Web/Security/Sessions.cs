using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Security;

/// <summary>How long sessions live (<c>Portal:Sessions</c>); OWASP ASVS 4.0 V3.3.</summary>
public sealed class PortalSessionOptions
{
    public const string Section = "Portal:Sessions";

    /// <summary>Idle timeout (sliding): ASVS 3.3.2 L2 allows 30 minutes.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Absolute lifetime whatever the activity: ASVS 3.3.2 L2 allows 12 hours.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>
    /// How long one instance trusts the user's session stamp it last read: the longest a session survives logout,
    /// a password change, a lock or a role change made on another instance (on the same instance: not at all).
    /// </summary>
    public int RecheckSeconds { get; set; } = 10;
}

/// <summary>
/// Server-side revocable sessions (issue 12): the cookie carries the user's security stamp as it was at sign-in, and
/// every request compares it with the stamp in the database (cached for <see cref="PortalSessionOptions.RecheckSeconds"/>).
/// Logout, a password change, a lock (by the admin or by failed attempts) and a role change give the user a new stamp,
/// so every cookie issued before — on any device — stops working at once. A session also ends after the absolute
/// lifetime, however active.
/// </summary>
public sealed class SessionStamps(IMemoryCache cache, IOptions<PortalSessionOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private sealed record Stamp(string? Value, DateTimeOffset? LockoutEnd);

    /// <summary>Whether <paramref name="principal"/>'s session is still the user's current one.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ||
            !long.TryParse(principal.FindFirstValue(PortalClaims.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var signedIn))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (now - DateTimeOffset.FromUnixTimeSeconds(signedIn) > TimeSpan.FromHours(options.Value.AbsoluteHours))
        {
            return false;
        }

        async Task<Stamp?> ReadAsync()
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
            return row is null ? null : new Stamp(row.SecurityStamp, row.LockoutEnd);
        }

        var stamp = options.Value.RecheckSeconds <= 0
            ? await ReadAsync()
            : await cache.GetOrCreateAsync(Key(userId), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.RecheckSeconds);
                return ReadAsync();
            });
        return stamp is { Value: { } current }
            && current == principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType)
            && !(stamp.LockoutEnd > now);
    }

    /// <summary>After this instance changed the user's stamp: the next request reads it afresh.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    /// <summary>Ends every session of <paramref name="user"/> (a new security stamp).</summary>
    public async Task EndAllAsync(UserManager<Infrastructure.Identity.PortalUser> users, Infrastructure.Identity.PortalUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        Forget(user.Id);
    }

    private static string Key(Guid userId) => "session-stamp:" + userId.ToString("N");

    /// <summary>The cookie check of every request (after the tenant check of <see cref="TenantCookieValidator"/>).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is null || !await services.GetRequiredService<SessionStamps>().IsCurrentAsync(
                context.Principal, services.GetRequiredService<PortalDbContext>(), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
