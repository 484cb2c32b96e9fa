using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Hosting;

/// <summary>
/// One database connection per request (issue 13, the request path): opened once when the request reaches a page, so
/// that the tenant is set once (<see cref="Infrastructure.Tenancy.TenantConnectionInterceptor"/>) and every query of
/// the request — the session check, the page's own queries, the layout's unread count — runs on it. EF keeps a
/// connection it did not open itself open until the request's scope disposes the context. Without it each query
/// borrowed a pooled connection, reset it and set the tenant again: three times the round trips on a list page.
/// </summary>
internal sealed class RequestConnection(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null && !context.Request.Path.StartsWithSegments("/health"))
        {
            var db = context.RequestServices.GetRequiredService<PortalDbContext>();
            try
            {
                // A re-executed request (the error and status pages) passes here again with the connection open.
                if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Closed)
                {
                    await db.Database.OpenConnectionAsync(context.RequestAborted);
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                // The database is unreachable: the page's own query fails as it would have, with the error page.
            }
        }

        await next(context);
    }
}
