using System.Globalization;
using Inertia.Feeds;
using Inertia.Feeds.Opml;
using Inertia.Importing;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Storage.Sync;
using Inertia.Subscriptions;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>Subscriptions and labels (folders): list, subscribe, edit, unsubscribe, OPML out and in, tags, counts.</summary>
internal static class GoogleReaderSubscriptions
{
    public static async Task<IResult> ListAsync(HttpContext context, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var list = await subscriptions.ListAsync(context.ApiUser().Id, cancellationToken);
        return JsonStreamResult.Json(new
        {
            subscriptions = list.Select(s => new
            {
                id = StreamId.ForFeed(s.FeedId),
                title = s.Title,
                categories = s.FolderTitle is null ? Array.Empty<object>() : [new { id = StreamId.ForLabel(s.FolderTitle), label = s.FolderTitle }],
                url = s.FeedUrl,
                htmlUrl = s.SiteUrl ?? "",
                iconUrl = "",
                sortid = s.FeedId.ToString("X8", CultureInfo.InvariantCulture),
                firstitemmsec = "0",
            }),
        });
    }

    /// <summary>The starred state, the folders (type <c>folder</c>) and the reader's labels on entries that no folder is named like (type <c>tag</c>).</summary>
    public static async Task<IResult> TagsAsync(HttpContext context, FolderStore folders, LabelStore labels, CancellationToken cancellationToken)
    {
        var userId = context.ApiUser().Id;
        var list = await folders.ListAsync(userId, cancellationToken);
        var tags = new List<object> { new { id = StreamId.StarredId } };
        tags.AddRange(list.Select(f => new { id = StreamId.ForLabel(f.Title), type = "folder" }));
        var folderKeys = list.Select(f => LabelName.Key(f.Title)).ToHashSet(StringComparer.Ordinal);
        tags.AddRange((await labels.ListAsync(userId, cancellationToken)).Where(l => !folderKeys.Contains(LabelName.Key(l.Name))).Select(l => new { id = StreamId.ForLabel(l.Name), type = "tag" }));
        return JsonStreamResult.Json(new { tags });
    }

    public static async Task<IResult> UnreadCountAsync(HttpContext context, SyncStore sync, CancellationToken cancellationToken)
    {
        var feeds = await sync.UnreadCountsAsync(context.ApiUser().Id, cancellationToken);
        var counts = feeds.Select(f => Count(StreamId.ForFeed(f.FeedId), f.Unread, f.NewestAt)).ToList();
        counts.AddRange(feeds.Where(f => f.FolderTitle is not null).GroupBy(f => f.FolderTitle!)
            .Select(g => Count(StreamId.ForLabel(g.Key), g.Sum(f => f.Unread), g.Max(f => f.NewestAt))));
        counts.Add(Count(StreamId.ReadingListId, feeds.Sum(f => f.Unread), feeds.Max(f => f.NewestAt)));
        return JsonStreamResult.Json(new { max = feeds.Sum(f => f.Unread), unreadcounts = counts });
    }

    private static object Count(string id, int count, long? newest) =>
        new { id, count, newestItemTimestampUsec = ((newest ?? 0) * 1000).ToString(CultureInfo.InvariantCulture) };

    public static async Task<IResult> EditAsync(HttpContext context, SubscriptionStore subscriptions, SubscriptionService service, FolderStore folders, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var userId = context.ApiUser().Id;
        var streams = form.All("s").OfType<string>().ToList();
        if (streams.Count == 0)
        {
            return GoogleReaderEndpoints.BadRequest("s (the feed) is required.");
        }
        var addLabel = Label(form["a"]);
        switch (form["ac"])
        {
            case "subscribe":
                foreach (var s in streams)
                {
                    var address = s.StartsWith("feed/", StringComparison.Ordinal) ? s[5..] : s;
                    var result = await service.SubscribeAsync(userId, address, addLabel, form["t"], cancellationToken);
                    if (result.Status != SubscribeStatus.Subscribed)
                    {
                        return GoogleReaderEndpoints.BadRequest(result.Message ?? "Could not subscribe.");
                    }
                }
                return GoogleReaderEndpoints.Ok();
            case "unsubscribe":
                foreach (var s in streams)
                {
                    if (!FeedOf(s, out var feedId) || !await subscriptions.UnsubscribeAsync(userId, feedId, cancellationToken))
                    {
                        return GoogleReaderEndpoints.NotFound($"No subscription {s}.");
                    }
                }
                return GoogleReaderEndpoints.Ok();
            case "edit":
                foreach (var s in streams)
                {
                    if (!FeedOf(s, out var feedId) || await subscriptions.FindAsync(userId, feedId, cancellationToken) is not { } subscription)
                    {
                        return GoogleReaderEndpoints.NotFound($"No subscription {s}.");
                    }
                    if (form.Has("t"))
                    {
                        await subscriptions.RenameAsync(userId, feedId, form["t"], cancellationToken);
                    }
                    if (addLabel is not null)
                    {
                        await subscriptions.MoveAsync(userId, feedId, await GoogleReaderEndpoints.FolderIdAsync(folders, userId, addLabel, cancellationToken), cancellationToken);
                    }
                    else if (Label(form["r"]) is { } removed && subscription.FolderId is { } folderId
                        && (await folders.GetAsync(userId, folderId, cancellationToken))?.Title == removed)
                    {
                        await subscriptions.MoveAsync(userId, feedId, null, cancellationToken);
                    }
                }
                return GoogleReaderEndpoints.Ok();
            default:
                return GoogleReaderEndpoints.BadRequest("ac must be subscribe, unsubscribe or edit.");
        }
    }

    public static async Task<IResult> QuickAddAsync(HttpContext context, SubscriptionService service, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var query = form["quickadd"];
        if (string.IsNullOrWhiteSpace(query))
        {
            return GoogleReaderEndpoints.BadRequest("quickadd (the address) is required.");
        }
        var address = query.StartsWith("feed/", StringComparison.Ordinal) ? query[5..] : query;
        var result = await service.SubscribeAsync(context.ApiUser().Id, address, null, null, cancellationToken);
        if (result.Status != SubscribeStatus.Subscribed)
        {
            return JsonStreamResult.Json(new { query, numResults = 0, error = result.Message });
        }
        return JsonStreamResult.Json(new { query, numResults = 1, streamId = StreamId.ForFeed(result.FeedId!.Value), streamName = result.Title ?? address });
    }

    public static async Task<IResult> ExportAsync(HttpContext context, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var user = context.ApiUser();
        var list = await subscriptions.ListAsync(user.Id, cancellationToken);
        using var buffer = new MemoryStream();
        OpmlWriter.Write(buffer, $"{user.Username}'s subscriptions in Inertia", list.Select(s => new OpmlFeed(s.FeedUrl, s.Title, s.SiteUrl, s.FolderTitle)), DateTimeOffset.UtcNow);
        return Results.Bytes(buffer.ToArray(), "text/x-opml; charset=utf-8", "subscriptions.opml");
    }

    /// <summary>
    /// Subscribes to every feed of an OPML body, as every OPML import does (<see cref="OpmlSubscriber"/>: feeds others follow
    /// meet the reader's rules); new feeds are fetched by the next refresh round, not before answering.
    /// </summary>
    public static async Task<IResult> ImportAsync(HttpContext context, OpmlSubscriber subscriber, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        OpmlDocument opml;
        try
        {
            opml = OpmlReader.Read(body.ToArray());
        }
        catch (FeedParseException e)
        {
            return GoogleReaderEndpoints.BadRequest(e.Message);
        }
        var usable = opml.Feeds.Select(item => FeedAddress.TryParse(item.FeedUrl, out var url) ? item with { FeedUrl = url.AbsoluteUri } : null).OfType<OpmlFeed>().ToList();
        await subscriber.SubscribeAsync(context.ApiUser().Id, usable, null, cancellationToken);
        return GoogleReaderEndpoints.Ok();
    }

    public static async Task<IResult> RenameTagAsync(HttpContext context, FolderStore folders, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var userId = context.ApiUser().Id;
        if (Label(form["s"] ?? form["t"]) is not { } from || Label(form["dest"]) is not { } to)
        {
            return GoogleReaderEndpoints.BadRequest("s (the label) and dest (its new name) are required.");
        }
        if (await FolderAsync(folders, userId, from, cancellationToken) is not { } folder)
        {
            return GoogleReaderEndpoints.NotFound($"No label {from}.");
        }
        return await folders.RenameAsync(userId, folder.Id, to, cancellationToken)
            ? GoogleReaderEndpoints.Ok()
            : GoogleReaderEndpoints.BadRequest($"There is a label {to} already.");
    }

    public static async Task<IResult> DisableTagAsync(HttpContext context, FolderStore folders, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var userId = context.ApiUser().Id;
        if (Label(form["s"] ?? form["t"]) is not { } label)
        {
            return GoogleReaderEndpoints.BadRequest("s (the label) is required.");
        }
        if (await FolderAsync(folders, userId, label, cancellationToken) is not { } folder)
        {
            return GoogleReaderEndpoints.NotFound($"No label {label}.");
        }
        await folders.DeleteAsync(userId, folder.Id, cancellationToken);
        return GoogleReaderEndpoints.Ok();
    }

    public static async Task<Folder?> FolderAsync(FolderStore folders, long userId, string title, CancellationToken cancellationToken) =>
        (await folders.ListAsync(userId, cancellationToken)).FirstOrDefault(f => f.Title == title);

    /// <summary>A label's name from <c>user/-/label/NAME</c> (or a bare name, as some clients send in <c>t</c>).</summary>
    private static string? Label(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : StreamId.TryParse(text, out var stream) ? stream.Label
        : text.Contains('/', StringComparison.Ordinal) ? null : text.Trim();

    private static bool FeedOf(string stream, out long feedId)
    {
        feedId = 0;
        return StreamId.TryParse(stream, out var parsed) && parsed.FeedId is { } id && (feedId = id) > 0;
    }
}
