namespace YiyangPortal.Web.Security;

/// <summary>
/// Security headers on every response. Scripts and styles come only from this origin (no inline script), the
/// portal is never framed, and no referrer leaves it with a path that might contain ids. Files (PDFs, scanned
/// copies, exports — anything sent with Content-Disposition) are sandboxed, and nothing a signed-in user is sent
/// may be stored by a browser or proxy cache (issue 12, ASVS 8.2.1, 12.5.2).
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
            var policy = framable ? "frame-ancestors 'self'" : ContentSecurityPolicy;

            // A file opened in the browser runs in a sandbox: no scripts, no same-origin access, whatever it holds.
            headers.ContentSecurityPolicy = headers.ContentDisposition.Count > 0 ? "sandbox; " + policy : policy;
            if (context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

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
