using Inertia.Feeds;
using Inertia.Feeds.Opml;
using Inertia.Importing;
using Inertia.Refresh;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary><c>GET /v1/export</c> and <c>POST /v1/import</c>: the caller's subscriptions as OPML 2.0, with folders.</summary>
internal static partial class OpmlEndpoints
{
    /// <summary>The largest OPML document accepted.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/export", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/xml").WithSummary("The caller's subscriptions as OPML");
        api.MapPost("/import", ImportAsync).Body<string>("text/xml").Produces<MessageJson>(StatusCodes.Status201Created)
            .WithSummary("Subscribe to every feed of an OPML document (the body), keeping its folders; new feeds are fetched in the background");
    }

    private static async Task<IResult> ExportAsync(HttpContext context, SubscriptionStore subscriptions, TimeProvider time, CancellationToken token)
    {
        var user = ApiCaller.Required(context).User;
        var list = await subscriptions.ListAsync(user.Id, token);
        using var buffer = new MemoryStream();
        OpmlWriter.Write(buffer, $"{user.Username}'s subscriptions in Inertia", list.Select(s => new OpmlFeed(s.FeedUrl, s.Title, s.SiteUrl, s.FolderTitle)), time.GetUtcNow());
        return Results.Bytes(buffer.ToArray(), "text/xml; charset=utf-8");
    }

    private static async Task<IResult> ImportAsync(HttpContext context, OpmlSubscriber subscriber, RefreshRunner runner, ILogger<OpmlSubscriber> log, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, token)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                return ApiJson.Problem(StatusCodes.Status413PayloadTooLarge, $"The OPML document is larger than {MaxBytes / 1024 / 1024} MB.");
            }
            body.Write(chunk, 0, read);
        }
        OpmlDocument opml;
        try
        {
            opml = OpmlReader.Read(body.ToArray());
        }
        catch (FeedParseException e)
        {
            return ApiJson.BadRequest("This is not an OPML document: " + e.Message);
        }
        var newFeeds = (await subscriber.SubscribeAsync(userId, opml.Feeds, null, token)).Where(s => s.NewFeed).Select(s => s.FeedId).ToList();
        if (newFeeds.Count > 0)
        {
            // The answer does not wait for a hundred sites; the feeds are fetched now, beside it.
            _ = Task.Run(async () =>
            {
                try
                {
                    await runner.RunNowAsync(newFeeds, null, CancellationToken.None);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    FetchFailed(log, e);
                }
            }, CancellationToken.None);
        }
        return ApiJson.Ok(new MessageJson("Feeds imported successfully"), StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the feeds of an imported OPML document failed")]
    private static partial void FetchFailed(ILogger logger, Exception exception);
}
