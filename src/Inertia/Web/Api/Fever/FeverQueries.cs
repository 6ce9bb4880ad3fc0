using System.Globalization;
using Inertia.Storage.Entries;
using Inertia.Storage.Subscriptions;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.Fever;

/// <summary>Fever's answers built from the stores: groups and feeds, favicons, items, and the mark commands.</summary>
internal sealed class FeverQueries(SubscriptionStore subscriptions, FolderStore folders, SyncStore sync, EntryStore entries)
{
    public async Task<(object Groups, object Feeds, object FeedsGroups)> GroupsAndFeedsAsync(long userId, CancellationToken cancellationToken)
    {
        var folderList = await folders.ListAsync(userId, cancellationToken);
        var summaries = await subscriptions.SummariesAsync(userId, cancellationToken);
        var groups = folderList.Select(f => new { id = f.Id, title = f.Title }).ToList();
        var feeds = summaries.Select(s => new
        {
            id = s.FeedId,
            favicon_id = s.IconHash is null ? 0 : s.FeedId,
            title = s.Title,
            url = s.FeedUrl,
            site_url = s.SiteUrl ?? "",
            is_spark = 0,
            last_updated_on_time = 0,
        }).ToList();
        var feedsGroups = summaries.Where(s => s.FolderId is not null).GroupBy(s => s.FolderId!.Value)
            .Select(g => new { group_id = g.Key, feed_ids = string.Join(',', g.Select(s => s.FeedId.ToString(CultureInfo.InvariantCulture))) }).ToList();
        return (groups, feeds, feedsGroups);
    }

    /// <summary>Icons as Fever sends them: the content type and the base64 bytes, "image/png;base64,…".</summary>
    public async Task<object> FaviconsAsync(long userId, CancellationToken cancellationToken) =>
        (await sync.IconsAsync(userId, cancellationToken)).Select(i => new { id = i.FeedId, data = $"{i.ContentType};base64,{Convert.ToBase64String(i.Data)}" }).ToList();

    public async Task<object> ItemsAsync(long userId, FeverItemsRequest request, int limit, CancellationToken cancellationToken)
    {
        var ids = request.WithIds?.ToList() ?? await sync.IdsByIdAsync(userId, request.SinceId, request.MaxId, limit, cancellationToken);
        var byId = (await sync.ItemsAsync(userId, ids, cancellationToken)).ToDictionary(i => i.EntryId);
        return ids.Select(id => byId.GetValueOrDefault(id)).OfType<SyncItem>().Select(i => new
        {
            id = i.EntryId,
            feed_id = i.FeedId,
            title = i.Title ?? "",
            author = string.Join(", ", i.Authors.Select(a => a.Name ?? a.Email).Where(n => !string.IsNullOrEmpty(n))),
            html = i.Html,
            url = i.Url ?? "",
            is_saved = i.IsStarred ? 1 : 0,
            is_read = i.IsRead ? 1 : 0,
            created_on_time = i.PublishedAt / 1000,
        }).ToList();
    }

    /// <summary>
    /// <c>mark=item|feed|group</c>, <c>as=read|unread|saved|unsaved</c>, <c>id</c>, and for feeds and groups
    /// <c>before</c>: entries published before then are marked (group 0 is every feed). Null when done, else the problem.
    /// </summary>
    public async Task<string?> MarkAsync(long userId, string mark, string? action, string? idText, string? beforeText, CancellationToken cancellationToken)
    {
        if (!long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return "id must be a number.";
        }
        var now = DateTimeOffset.UtcNow;
        if (mark == "item")
        {
            switch (action)
            {
                case "read" or "unread":
                    await entries.SetReadAsync(userId, [id], action == "read", now, cancellationToken);
                    return null;
                case "saved" or "unsaved":
                    await sync.SetStarredAsync(userId, [id], action == "saved", now, cancellationToken);
                    return null;
                default:
                    return "as must be read, unread, saved or unsaved.";
            }
        }
        if (mark is not ("feed" or "group") || action != "read")
        {
            return "mark must be item, feed or group; feeds and groups can only be marked read.";
        }
        DateTimeOffset? before = null;
        if (beforeText is { Length: > 0 })
        {
            if (!long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return "before must be a time in seconds.";
            }
            before = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        var scope = mark == "feed" ? new EntryQuery { View = EntryView.Feed, FeedId = id }
            : id <= 0 ? new EntryQuery { View = EntryView.All }
            : new EntryQuery { View = EntryView.Folder, FolderId = id };
        await entries.MarkAllReadAsync(userId, scope, now, before, now, cancellationToken);
        return null;
    }
}
