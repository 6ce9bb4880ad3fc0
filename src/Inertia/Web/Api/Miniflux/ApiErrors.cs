using Inertia.Web.Api.Miniflux.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Keeps the API's answers JSON: under <c>/v1</c> the reader's HTML error pages are switched off, an error
/// status that came without a body (a wrong method, an unmatched route) gets Miniflux's
/// <c>{"error_message": …}</c>, and an unexpected failure is a JSON 500 rather than a page.
/// </summary>
internal sealed partial class ApiErrors(RequestDelegate next, ILogger<ApiErrors> log)
{
    public const string Prefix = "/v1";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Failed(log, context.Request.Method, context.Request.Path, e);
            context.Response.Clear();
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Inertia could not finish this request; nothing was changed by the failure. Try again in a moment.");
            return;
        }
        if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null } response && response.ContentType is null)
        {
            await WriteAsync(context, response.StatusCode, response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Resource Not Found",
                StatusCodes.Status405MethodNotAllowed => "This address does not accept this method.",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
                _ => "Bad Request",
            });
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorJson(message), ApiJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void Failed(ILogger logger, string method, string path, Exception exception);
}
