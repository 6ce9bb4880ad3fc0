using Inertia.Feeds.Html;

namespace Inertia.Web.Security;

/// <summary>
/// The headers that make every page safe to show feed content in: a strict Content-Security-Policy (scripts
/// and styles only from Inertia itself, no inline script; images and media from anywhere, as articles need;
/// frames only from the video players the sanitizer lets through), no framing of Inertia, no MIME sniffing,
/// and no Referer sent to other sites (which also lets images from hot-link-protected hosts show).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public static readonly string ContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src * data:",
        "media-src *",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src " + string.Join(' ', EmbedPolicy.FrameSources),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
