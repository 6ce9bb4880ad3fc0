using System.Globalization;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>Streams (contents as JSON or Atom, item ids, items by id) and the read, starred and mark-all changes.</summary>
internal static class GoogleReaderStreams
{
    private const int MaxContents = 1000;
    private const int MaxIds = 100_000;
    private const int MaxItemsPerRequest = 10_000;

    public static async Task<IResult> ContentsAsync(string? stream, HttpContext context, SyncStore sync, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var (request, problem) = StreamRequest.Read(form, Decode(stream), 20, MaxContents);
        if (request is null)
        {
            return GoogleReaderEndpoints.BadRequest(problem!);
        }
        var userId = context.ApiUser().Id;
        var (page, continuation) = await request.PageAsync(sync, userId, cancellationToken);
        var items = ItemJson.InOrder(page.Select(p => p.EntryId), await sync.ItemsAsync(userId, page.Select(p => p.EntryId).ToList(), cancellationToken));
        return ItemJson.Stream(request.StreamText, items, continuation);
    }

    public static async Task<IResult> IdsAsync(HttpContext context, SyncStore sync, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var (request, problem) = StreamRequest.Read(form, null, 20, MaxIds);
        if (request is null)
        {
            return GoogleReaderEndpoints.BadRequest(problem!);
        }
        var (page, continuation) = await request.PageAsync(sync, context.ApiUser().Id, cancellationToken);
        return new JsonStreamResult(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("itemRefs");
            foreach (var row in page)
            {
                json.WriteStartObject();
                json.WriteString("id", ItemId.Decimal(row.EntryId));
                json.WriteStartArray("directStreamIds");
                json.WriteEndArray();
                json.WriteString("timestampUsec", (row.PublishedAt * 1000).ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (continuation is not null)
            {
                json.WriteString("continuation", continuation);
            }
            json.WriteEndObject();
        });
    }

    public static async Task<IResult> ItemsContentsAsync(HttpContext context, SyncStore sync, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        if (ParseIds(form) is not { } ids)
        {
            return GoogleReaderEndpoints.BadRequest("i holds an item id this server cannot read.");
        }
        if (ids.Count > MaxItemsPerRequest)
        {
            return GoogleReaderEndpoints.BadRequest($"At most {MaxItemsPerRequest} items per request.");
        }
        var items = ItemJson.InOrder(ids, await sync.ItemsAsync(context.ApiUser().Id, ids, cancellationToken));
        return ItemJson.Stream(StreamId.ReadingListId, items, null);
    }

    public static async Task<IResult> EditTagAsync(HttpContext context, EntryStore entries, SyncStore sync, LabelStore labels, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        if (ParseIds(form) is not { Count: > 0 } ids)
        {
            return GoogleReaderEndpoints.BadRequest("i (one or more item ids in a form this server reads) is required.");
        }
        if (ids.Count > MaxItemsPerRequest)
        {
            return GoogleReaderEndpoints.BadRequest($"At most {MaxItemsPerRequest} items per request.");
        }
        var userId = context.ApiUser().Id;
        var now = DateTimeOffset.UtcNow;
        // A label on items is the reader's own label on those entries (a label on a feed is a folder: subscription/edit).
        foreach (var (tags, on) in new[] { (form.All("a"), true), (form.All("r"), false) })
        {
            foreach (var tag in tags)
            {
                if (!StreamId.TryParse(tag, out var stream))
                {
                    // kept-unread and tracking-kept-unread, which clients add beside removing read, mean unread.
                    if (on && tag?.EndsWith("/state/com.google/kept-unread", StringComparison.Ordinal) == true)
                    {
                        await entries.SetReadAsync(userId, ids, false, now, cancellationToken);
                    }
                    continue;
                }
                switch (stream.Kind)
                {
                    case StreamKind.Read:
                        await entries.SetReadAsync(userId, ids, on, now, cancellationToken);
                        break;
                    case StreamKind.Starred:
                        await sync.SetStarredAsync(userId, ids, on, now, cancellationToken);
                        break;
                    case StreamKind.Label when LabelName.TryNormalize(stream.Label, out var label):
                        await (on ? labels.AddAsync(userId, ids, label, now, cancellationToken) : labels.RemoveAsync(userId, ids, label, cancellationToken));
                        break;
                    case StreamKind.Label:
                        return GoogleReaderEndpoints.BadRequest($"A label has 1 to {LabelName.MaxLength} characters, without / or \".");
                }
            }
        }
        return GoogleReaderEndpoints.Ok();
    }

    public static async Task<IResult> MarkAllAsReadAsync(HttpContext context, EntryStore entries, FolderStore folders, SearchStore search, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        if (!StreamId.TryParse(form["s"], out var stream))
        {
            return GoogleReaderEndpoints.BadRequest("s (the stream to mark read) is required.");
        }
        var userId = context.ApiUser().Id;
        var now = DateTimeOffset.UtcNow;
        // ts: what the client had seen (microseconds; seconds and milliseconds are recognised by size): what reached us later stays unread.
        var seenAt = now;
        if (form["ts"] is { Length: > 0 } ts)
        {
            if (!long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return GoogleReaderEndpoints.BadRequest("ts must be a time in microseconds.");
            }
            seenAt = DateTimeOffset.FromUnixTimeMilliseconds(value switch
            {
                > 100_000_000_000_000 => value / 1000,
                > 100_000_000_000 => value,
                _ => value * 1000,
            });
        }
        EntryQuery scope;
        switch (stream.Kind)
        {
            case StreamKind.Feed:
                scope = new EntryQuery { View = EntryView.Feed, FeedId = stream.FeedId };
                break;
            case StreamKind.Label:
                if (await GoogleReaderSubscriptions.FolderAsync(folders, userId, stream.Label!, cancellationToken) is not { } folder)
                {
                    // No folder of that name: the reader's own label on entries.
                    if (!LabelName.TryNormalize(stream.Label, out var label))
                    {
                        return GoogleReaderEndpoints.NotFound($"No label {stream.Label}.");
                    }
                    var query = SearchQuery.Parse($"label:\"{label}\"", now, TimeZoneInfo.Utc);
                    await search.MarkReadAsync(userId, new SearchRequest(query), seenAt, now, cancellationToken);
                    return GoogleReaderEndpoints.Ok();
                }
                scope = new EntryQuery { View = EntryView.Folder, FolderId = folder.Id };
                break;
            case StreamKind.Starred:
                scope = new EntryQuery { View = EntryView.Starred };
                break;
            default:
                scope = new EntryQuery { View = EntryView.All };
                break;
        }
        await entries.MarkAllReadAsync(userId, scope, seenAt, null, now, cancellationToken);
        return GoogleReaderEndpoints.Ok();
    }

    /// <summary>A stream as Google Reader's Atom output, as newsboat's "feedhq" source reads every subscription.</summary>
    public static async Task<IResult> AtomAsync(string? stream, HttpContext context, SyncStore sync, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var (request, problem) = StreamRequest.Read(form, Decode(stream), 20, MaxContents);
        if (request is null)
        {
            return GoogleReaderEndpoints.BadRequest(problem!);
        }
        var userId = context.ApiUser().Id;
        var (title, siteUrl) = (request.StreamText, (string?)null);
        if (request.Filter.FeedId is { } feedId)
        {
            if (await subscriptions.FindAsync(userId, feedId, cancellationToken) is not { } subscription)
            {
                return GoogleReaderEndpoints.NotFound($"No subscription {request.StreamText}.");
            }
            (title, siteUrl) = (subscription.Title, subscription.SiteUrl);
        }
        var (page, continuation) = await request.PageAsync(sync, userId, cancellationToken);
        var items = ItemJson.InOrder(page.Select(p => p.EntryId), await sync.ItemsAsync(userId, page.Select(p => p.EntryId).ToList(), cancellationToken));
        return Results.Bytes(AtomStream.Write(request.StreamText, title, siteUrl, items, continuation, DateTimeOffset.UtcNow), "application/atom+xml; charset=utf-8");
    }

    /// <summary>Every <c>i</c> as an entry id; null when one is in no form this server reads.</summary>
    private static List<long>? ParseIds(ApiForm form)
    {
        var ids = new List<long>();
        foreach (var text in form.All("i"))
        {
            if (!ItemId.TryParse(text, out var id))
            {
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    // Clients escape the slashes of a stream id in the path (feed%2F12); the server leaves %2F as it came.
    private static string? Decode(string? stream) => stream is null ? null : Uri.UnescapeDataString(stream);
}
