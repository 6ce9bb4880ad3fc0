using System.Globalization;
using Inertia.Storage;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>An entry as a Google Reader item: the long id form, times in the units clients expect, its origin and categories.</summary>
internal static class ItemJson
{
    public static object For(SyncItem item)
    {
        var categories = new List<string> { StreamId.ReadingListId };
        if (item.IsRead)
        {
            categories.Add(StreamId.ReadId);
        }
        if (item.IsStarred)
        {
            categories.Add(StreamId.StarredId);
        }
        if (item.FolderTitle is { } folder)
        {
            categories.Add(StreamId.ForLabel(folder));
        }
        var link = item.Url is null ? Array.Empty<object>() : [new { href = item.Url, type = "text/html" }];
        return new
        {
            id = ItemId.Long(item.EntryId),
            crawlTimeMsec = item.ArrivedAt.ToString(CultureInfo.InvariantCulture),
            timestampUsec = (item.PublishedAt * 1000).ToString(CultureInfo.InvariantCulture),
            published = item.PublishedAt / 1000,
            updated = item.PublishedAt / 1000,
            title = item.Title ?? "",
            author = string.Join(", ", item.Authors.Select(a => a.Name ?? a.Email).Where(n => !string.IsNullOrEmpty(n))),
            canonical = link,
            alternate = link,
            categories,
            origin = new { streamId = StreamId.ForFeed(item.FeedId), title = item.FeedTitle, htmlUrl = item.SiteUrl ?? "" },
            summary = new { direction = "ltr", content = item.Html },
            enclosure = item.Enclosures.Select(e => new { href = e.Url, type = e.Type, length = e.Length?.ToString(CultureInfo.InvariantCulture) }),
        };
    }

    /// <summary>The items in the order of <paramref name="order"/> (the stream's or the client's), leaving out ids the user has not.</summary>
    public static List<SyncItem> InOrder(IEnumerable<long> order, List<SyncItem> items)
    {
        var byId = items.ToDictionary(i => i.EntryId);
        return order.Distinct().Select(id => byId.GetValueOrDefault(id)).OfType<SyncItem>().ToList();
    }
}
