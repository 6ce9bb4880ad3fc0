using System.Security.Cryptography;
using Inertia.FeedsOut;
using Inertia.Storage.Accounts;
using Inertia.Storage.Public;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Localization;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Net.Http.Headers;

namespace Inertia.Web.Endpoints;

/// <summary>
/// The feeds Inertia publishes. <c>GET /out/{user}/{token}/starred.{rss|atom|json}</c> and
/// <c>/out/{user}/{token}/folders/{id}.{…}</c>, <c>/out/{user}/{token}/searches/{id}.{…}</c>: a user's private feeds, for other feed readers, which carry no
/// session, so the address carries a secret instead; a wrong or old token, a disabled user, or a folder that is
/// not the user's all answer 404. <c>GET /directory.{rss|atom|json}</c>: the recommended-feeds directory, for
/// anyone. Answers carry an ETag (private feeds also Last-Modified) and honour conditional requests with 304.
/// </summary>
internal static class FeedsOutEndpoints
{
    // HEAD too: some readers ask it before fetching, and Kestrel sends the headers without the body.
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/out/{userId:long}/{token}").AllowAnonymous();
        group.MapMethods("/starred.{format}", ReadMethods, async (long userId, string token, string format, HttpContext context, PrivateFeeds feeds, CancellationToken cancellationToken) =>
            await UserAsync(context, userId, token, format, cancellationToken) is not ({ } user, var outFormat)
                ? Results.NotFound()
                : Answer(context, outFormat, await feeds.StarredAsync(user, BaseUrl(context.Request), cancellationToken), isPublic: false));
        group.MapMethods("/folders/{folderId:long}.{format}", ReadMethods, async (long userId, string token, long folderId, string format, HttpContext context, PrivateFeeds feeds, FolderStore folders, CancellationToken cancellationToken) =>
        {
            if (await UserAsync(context, userId, token, format, cancellationToken) is not ({ } user, var outFormat)
                || await folders.GetAsync(user.Id, folderId, cancellationToken) is not { } folder)
            {
                return Results.NotFound();
            }
            return Answer(context, outFormat, await feeds.FolderAsync(user, folder, BaseUrl(context.Request), cancellationToken), isPublic: false);
        });
        group.MapMethods("/searches/{searchId:long}.{format}", ReadMethods, async (long userId, string token, long searchId, string format, HttpContext context, PrivateFeeds feeds, SavedSearchStore searches, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (await UserAsync(context, userId, token, format, cancellationToken) is not ({ } user, var outFormat)
                || await searches.GetAsync(user.Id, searchId, cancellationToken) is not { } saved)
            {
                return Results.NotFound();
            }
            return Answer(context, outFormat, await feeds.SearchAsync(user, saved, BaseUrl(context.Request), time.GetUtcNow(), cancellationToken), isPublic: false);
        });
        app.MapMethods("/directory.{format}", ReadMethods, async (string format, string? category, string? language, string? q, HttpContext context, DirectoryOutFeed directory, CancellationToken cancellationToken) =>
        {
            if (!OutFormats.TryParse(format, out var outFormat))
            {
                return Results.NotFound();
            }
            var filter = new DirectoryFilter(category, language, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
            // The client's Accept-Language alone picks the titles' language: the answer is the same for everyone who asks alike.
            var feed = await directory.BuildAsync(filter, BaseUrl(context.Request), Languages.ForBrowser(context.Request), cancellationToken);
            return Answer(context, outFormat, feed, isPublic: true);
        }).AllowAnonymous();
        app.MapPost("/settings/private-feeds", RegenerateAsync).RequireAuthorization();
    }

    /// <summary>Makes the reader's feed addresses (the first time) or new ones, which end the old.</summary>
    private static async Task<IResult> RegenerateAsync(HttpContext context, IAntiforgery antiforgery, FeedTokenStore tokens, TimeProvider time, Translator t, ITempDataDictionaryFactory tempData, CancellationToken cancellationToken)
    {
        // Checked here: the anti-forgery middleware only refuses endpoints that read a form, and this one reads none.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        var user = context.RequiredUser();
        var replacing = await tokens.GetAsync(user.Id, cancellationToken) is not null;
        await tokens.RegenerateAsync(user.Id, time.GetUtcNow(), cancellationToken);
        var flash = tempData.GetTempData(context);
        flash["Message"] = replacing ? t["New addresses made; the old ones no longer work."] : t["Private feed addresses made."];
        // Pages save their TempData themselves; an endpoint must.
        flash.Save();
        return Results.Redirect("/settings#private-feeds");
    }

    /// <summary>Where the app is, as the client reached it (behind a proxy too): "https://reader.example/".</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    private static async Task<(User, OutFormat)?> UserAsync(HttpContext context, long userId, string token, string format, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        if (!OutFormats.TryParse(format, out var outFormat)
            || !await services.GetRequiredService<FeedTokenStore>().IsValidAsync(userId, token, cancellationToken)
            || await services.GetRequiredService<UserStore>().GetAsync(userId, cancellationToken) is not { IsDisabled: false } user)
        {
            return null;
        }
        return (user, outFormat);
    }

    /// <summary>
    /// <paramref name="feed"/> in <paramref name="format"/>, or 304 when the client has it (by its weak ETag: the
    /// bytes are a hash of the uncompressed feed, and compression changes them). A private feed's address is a
    /// secret: no shared cache may keep it and no search engine index it. A public feed may be kept by shared
    /// caches, unless the request carries cookies (its answer could carry a renewed session cookie), and it has no
    /// Last-Modified: its items change when an administrator removes a source or makes it private, which no date
    /// among them records, so only the ETag can tell a client that its copy is current.
    /// </summary>
    private static IResult Answer(HttpContext context, OutFormat format, OutFeed feed, bool isPublic)
    {
        using var body = new MemoryStream();
        format.Write(body, feed, $"{BaseUrl(context.Request)}{context.Request.Path.Value!.TrimStart('/')}{context.Request.QueryString}");
        var bytes = body.ToArray();
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"", isWeak: true);
        // HTTP dates have whole seconds.
        DateTimeOffset? lastModified = isPublic ? null : DateTimeOffset.FromUnixTimeSeconds(feed.Updated.ToUnixTimeSeconds());
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        var shared = isPublic && !context.Request.Headers.ContainsKey(HeaderNames.Cookie);
        // Readers revalidate every few minutes.
        headers.CacheControl = new CacheControlHeaderValue { Public = shared, Private = !shared, MaxAge = TimeSpan.FromMinutes(5) };
        if (isPublic)
        {
            context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        }
        else
        {
            context.Response.Headers["X-Robots-Tag"] = "noindex";
        }
        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any))
            : lastModified is { } modified && request.IfModifiedSince is { } since && modified <= since;
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, format.ContentType());
    }
}
