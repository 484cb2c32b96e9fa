using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;

namespace YiyangPortal.Web.Security;

/// <summary>
/// Bad input answers with a status and the Chinese status page, never a 500 (issue 12): a NUL in the path or query
/// (PostgreSQL refuses it, 22021) is a 400; a body larger than the endpoint allows is a 413 before any of it is read,
/// and a body that turns out too large or malformed while being read is a 413 or 400 too. Form fields lose their
/// NULs where they are bound (<see cref="Validation.NulFreeStringBinder"/>); what still reaches the database with
/// characters it cannot store is caught here as a last resort.
/// </summary>
public sealed partial class BadInputGuard(RequestDelegate next, ILogger<BadInputGuard> logger)
{
    /// <summary>The body limit of endpoints that do not declare their own ([RequestSizeLimit]): forms are small.</summary>
    public const long DefaultMaxBodyBytes = 2 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        // The status page re-executes with the failed request's body and query: it must not be refused again.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (HasNul(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit; // a body without Content-Length is cut off at the same size
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (StatusFor(e) is { } status && !context.Response.HasStarted)
        {
            LogRefused(logger, status, e.GetType().Name, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }

    /// <summary>The status a failure caused by the request itself deserves; null for anything else (a real 500).</summary>
    public static int? StatusFor(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException { Message: var m } when m.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        DbUpdateException { InnerException: { } inner } => StatusFor(inner),
        InvalidOperationException { InnerException: Npgsql.PostgresException inner } => StatusFor(inner),

        // 22021: a character the database encoding cannot hold (NUL); 22P05: untranslatable; 22001: too long for
        // its column; 22008: a date out of range. Each is input nothing validated, not a server fault.
        Npgsql.PostgresException { SqlState: "22021" or "22P05" or "22001" or "22008" } => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static bool HasNul(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return true;
        }

        if (!request.QueryString.HasValue)
        {
            return false;
        }

        foreach (var (key, values) in request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused bad input with {Status}: {Exception} {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string exception, string reason);
}
