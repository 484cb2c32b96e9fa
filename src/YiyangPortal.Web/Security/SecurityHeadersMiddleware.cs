namespace YiyangPortal.Web.Security;

/// <summary>
/// Security headers on every response. Scripts and styles come only from this origin (no inline script), the
/// portal is never framed, and no referrer leaves it with a path that might contain ids.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>HttpContext.Items key: this response (a PDF) may be framed by the portal's own pages.</summary>
    public const string AllowSameOriginFrame = "yiyang:allow-same-origin-frame";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framable = context.Items.ContainsKey(AllowSameOriginFrame);
            // A PDF needs the browser's viewer, which object-src 'none' would block; the type is fixed and nosniff.
            headers.ContentSecurityPolicy = framable ? "frame-ancestors 'self'" : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = framable ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
