using Inertia.Icons;
using Inertia.Storage.Public;
using Inertia.Storage.Subscriptions;
using Inertia.Subscriptions;
using Inertia.Web.Localization;
using Inertia.Web.Public;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Endpoints;

/// <summary>
/// The state changes of the public pages, for signed-in readers: subscribing from the directory or a public
/// feed page, sharing an entry and revoking a share. POSTs with an anti-forgery token, answered like the
/// reader's (<see cref="ReadingEndpoints.Answer"/>): a redirect back, or JSON for the script.
/// </summary>
internal static class PublicEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/directory/{id:long}/subscribe", SubscribeFromDirectoryAsync);
        group.MapPost("/f/{id:long}/subscribe", SubscribeToPublicFeedAsync);
        group.MapPost("/entries/{id:long}/share", ShareAsync);
        group.MapPost("/shares/{id:long}/revoke", RevokeAsync);
    }

    private static async Task<IResult> SubscribeFromDirectoryAsync(long id, [FromForm] string? returnUrl, HttpContext context,
        DirectoryStore directory, SubscriptionService subscribing, IconRefresher icons, Translator t, CancellationToken token)
    {
        var user = context.RequiredUser();
        if (await directory.GetAsync(id, user.Id, token) is not { } source)
        {
            return Results.NotFound();
        }
        var result = await subscribing.SubscribeAsync(user.Id, source.FeedUrl, null, null, token);
        // The catalog names feeds, but a source may have become a page offering several: its first is the one meant.
        if (result is { Status: SubscribeStatus.ChooseOne, Choices: [var first, ..] })
        {
            result = await subscribing.SubscribeAsync(user.Id, first.Url.AbsoluteUri, null, null, token);
        }
        if (result is not { Status: SubscribeStatus.Subscribed, FeedId: { } feedId })
        {
            var problem = t["Could not subscribe: {0}", result.Message];
            ReadingEndpoints.Flash(context, problem);
            return Requests.WantsJson(context.Request)
                ? Results.Json(new { subscribed = false, message = problem }, statusCode: StatusCodes.Status422UnprocessableEntity)
                : Results.Redirect(Requests.LocalOr(returnUrl, "/directory"));
        }
        await directory.LinkFeedAsync(id, feedId, token);
        icons.Wake();
        var message = result.AlreadySubscribed ? t["You already follow {0}.", source.Name] : result.NewEntries == 1 ? t["Subscribed to {0}: {1} new entry.", source.Name, result.NewEntries] : t["Subscribed to {0}: {1} new entries.", source.Name, result.NewEntries];
        ReadingEndpoints.Flash(context, message);
        return ReadingEndpoints.Answer(context, new { subscribed = true, feedId, message }, returnUrl, "/directory");
    }

    private static async Task<IResult> SubscribeToPublicFeedAsync(long id, [FromForm] string? returnUrl, HttpContext context,
        PublicFeedStore publicFeeds, SubscriptionStore subscriptions, Translator t, TimeProvider time, CancellationToken token)
    {
        if (await publicFeeds.FeedAsync(id, token) is not { } feed)
        {
            return Results.NotFound();
        }
        var (_, created) = await subscriptions.SubscribeAsync(context.RequiredUser().Id, id, null, null, time.GetUtcNow(), token);
        var message = created ? t["Subscribed to {0}.", feed.Title] : t["You already follow {0}.", feed.Title];
        ReadingEndpoints.Flash(context, message);
        return ReadingEndpoints.Answer(context, new { subscribed = true, feedId = id, message }, returnUrl, $"/feeds/{id}");
    }

    private static async Task<IResult> ShareAsync(long id, [FromForm] string? returnUrl, HttpContext context,
        ShareStore shares, Translator t, TimeProvider time, CancellationToken token)
    {
        if (await shares.ShareAsync(context.RequiredUser().Id, id, time.GetUtcNow(), token) is not { } share)
        {
            return Results.NotFound();
        }
        var url = ShareLinks.Url(context.Request, share.Code);
        ReadingEndpoints.Flash(context, t["Anyone with the link can read this article: {0}", url]);
        return ReadingEndpoints.Answer(context, new { id = share.Id, code = share.Code, url }, returnUrl, $"/entries/{id}");
    }

    private static async Task<IResult> RevokeAsync(long id, [FromForm] string? returnUrl, HttpContext context,
        ShareStore shares, Translator t, CancellationToken token)
    {
        if (!await shares.RevokeAsync(context.RequiredUser().Id, id, token))
        {
            return Results.NotFound();
        }
        ReadingEndpoints.Flash(context, t["The share link is revoked: it no longer opens the article."]);
        return ReadingEndpoints.Answer(context, new { revoked = true }, returnUrl, "/settings/shares");
    }
}
