using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Inbox;

/// <summary>消息: each user's own notifications (never another user's: the query is by the cookie's user id).</summary>
[Authorize]
[Route("inbox")]
public sealed class InboxController(PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1) =>
        View("~/Features/Inbox/Index.cshtml", await db.Notifications.AsNoTracking().Where(n => n.UserId == Me.Id)
            .ToPageAsync(q => q.OrderByDescending(n => n.CreatedAtUtc), page, HttpContext.RequestAborted));

    /// <summary>Marks the message read and follows its link (a path inside this tenant only).</summary>
    [HttpPost("{id:guid}/open")]
    public async Task<IActionResult> Open(Guid id)
    {
        if (await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == Me.Id) is not { } notification)
        {
            return NotFound();
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync();
        return Url.IsLocalUrl("~" + notification.Link) ? Redirect("~" + notification.Link) : RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == Me.Id && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>The unread count in the navigation bar.</summary>
public sealed class UnreadCount(PortalDbContext db)
{
    // Every page's layout asks: compiled once, so a request skips EF's expression-tree walk and query-cache lookup
    // (issue 13, the request path). The tenant query filter is part of it, read from the context on each call.
    private static readonly Func<PortalDbContext, Guid, Task<int>> Query = EF.CompileAsyncQuery(
        (PortalDbContext db, Guid userId) => db.Notifications.Count(n => n.UserId == userId && n.ReadAtUtc == null));

    public Task<int> ForAsync(Guid userId) => Query(db, userId);
}
