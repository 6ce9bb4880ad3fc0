using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Security;
using Microsoft.Net.Http.Headers;

namespace Inertia.Web.Endpoints;

/// <summary>
/// <c>GET /icons/{feedId}?v=HASH</c>: a followed feed's site icon. Pages name the version they want, so a browser
/// may keep that URL for good; without the version it revalidates by ETag daily.
/// </summary>
internal static class IconEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/icons/{feedId:long}", async (long feedId, HttpContext context, SubscriptionStore subscriptions, IconStore icons, CancellationToken token) =>
    {
        var user = context.RequiredUser();
        if (await subscriptions.FindAsync(user.Id, feedId, token) is null || await icons.GetAsync(feedId, token) is not { } icon)
        {
            return Results.NotFound();
        }
        var etag = new EntityTagHeaderValue($"\"{icon.Hash}\"");
        context.Response.Headers.CacheControl = context.Request.Query["v"] == icon.Hash ? "private, max-age=31536000, immutable" : "private, max-age=86400";
        context.Response.Headers.ETag = etag.ToString();
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(icon.Data, icon.ContentType);
    }).RequireAuthorization();
}
