using Inertia.Web.Api.Fever;
using Microsoft.AspNetCore.Diagnostics;

namespace Inertia.Web.Api;

/// <summary>
/// What every request under <c>/api</c> gets, whatever its protocol: the answers are the API's own (no HTML
/// error page re-executed over a 401 or 404, no exception page, a 413 for a body over the server's limit), and
/// CORS for web clients, which is safe because these APIs authenticate by header or key, never by cookie.
/// </summary>
internal sealed partial class ApiRequests(RequestDelegate next, ILogger<ApiRequests> logger)
{
    public static readonly PathString Prefix = "/api";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowHeaders = "Authorization, Content-Type, T";
        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlMaxAge = "86400";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        try
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted)
            {
                // Routing's own 404 and 405 come without a body; say plainly what happened.
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
                    ? $"{context.Request.Method} is not allowed here."
                    : "No such API endpoint.");
            }
        }
        catch (BadHttpRequestException e) when (RequestBody.IsTooLarge(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var message = RequestBody.TooLargeMessage(context);
            // Fever clients read JSON with "error" (auth 0: a key in the body went unread); Google Reader's errors are plain text.
            if (FeverEndpoints.Serves(context.Request.Path))
            {
                await context.Response.WriteAsJsonAsync(new { api_version = 3, auth = 0, error = message });
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(message);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            LogFailure(logger, e, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("Internal error");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, PathString path);
}
