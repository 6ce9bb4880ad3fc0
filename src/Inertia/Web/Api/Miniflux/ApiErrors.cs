using Inertia.Web.Api.Miniflux.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Keeps the API's answers JSON: under <c>/v1</c> the reader's HTML error pages are switched off, an error
/// status that came without a body gets Miniflux's <c>{"error_message": …}</c> (an unknown route) or problem
/// details with it (a wrong method), a body over the server's limit is a JSON 413, and an unexpected failure is a
/// JSON 500 rather than a page.
/// </summary>
internal sealed partial class ApiErrors(RequestDelegate next, ILogger<ApiErrors> log)
{
    public const string Prefix = "/v1";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase)
            && context.Request.Path.Value?.StartsWith("//v1/", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }
        // newsboat appends "/v1/…" to the address it is given, so an address ending in "/" asks for "//v1/…".
        if (context.Request.Path.Value is { } raw && raw.StartsWith("//v1/", StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Path = raw[1..];
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (RequestBody.IsTooLarge(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await ApiJson.WriteProblemAsync(context.Response, StatusCodes.Status413PayloadTooLarge, RequestBody.TooLargeMessage(context));
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Failed(log, context.Request.Method, context.Request.Path, e);
            context.Response.Clear();
            await ApiJson.WriteProblemAsync(context.Response, StatusCodes.Status500InternalServerError, "Inertia could not finish this request. Try again in a moment.");
            return;
        }
        if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null } response && response.ContentType is null)
        {
            if (response.StatusCode == StatusCodes.Status404NotFound)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsJsonAsync(new ErrorJson("Resource Not Found"), ApiJson.Options);
                return;
            }
            await ApiJson.WriteProblemAsync(response, response.StatusCode, response.StatusCode switch
            {
                StatusCodes.Status405MethodNotAllowed => "This address does not accept this method.",
                _ => "The request could not be understood.",
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void Failed(ILogger logger, string method, string path, Exception exception);
}
