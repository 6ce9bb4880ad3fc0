using System.Globalization;
using System.Text.Json;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>An entry as a Google Reader item: the long id form, times in the units clients expect, its origin and categories.</summary>
internal static class ItemJson
{
    public static void Write(Utf8JsonWriter json, SyncItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", ItemId.Long(item.EntryId));
        json.WriteString("crawlTimeMsec", item.ArrivedAt.ToString(CultureInfo.InvariantCulture));
        json.WriteString("timestampUsec", (item.PublishedAt * 1000).ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("published", item.PublishedAt / 1000);
        json.WriteNumber("updated", item.PublishedAt / 1000);
        json.WriteString("title", item.Title ?? "");
        json.WriteString("author", string.Join(", ", item.Authors.Select(a => a.Name ?? a.Email).Where(n => !string.IsNullOrEmpty(n))));
        foreach (var name in (ReadOnlySpan<string>)["canonical", "alternate"])
        {
            json.WriteStartArray(name);
            if (item.Url is not null)
            {
                json.WriteStartObject();
                json.WriteString("href", item.Url);
                json.WriteString("type", "text/html");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("categories");
        json.WriteStringValue(StreamId.ReadingListId);
        if (item.IsRead)
        {
            json.WriteStringValue(StreamId.ReadId);
        }
        if (item.IsStarred)
        {
            json.WriteStringValue(StreamId.StarredId);
        }
        if (item.FolderTitle is { } folder)
        {
            json.WriteStringValue(StreamId.ForLabel(folder));
        }
        foreach (var label in item.Labels.Where(l => l != item.FolderTitle))
        {
            json.WriteStringValue(StreamId.ForLabel(label));
        }
        json.WriteEndArray();
        json.WriteStartObject("origin");
        json.WriteString("streamId", StreamId.ForFeed(item.FeedId));
        json.WriteString("title", item.FeedTitle);
        json.WriteString("htmlUrl", item.SiteUrl ?? "");
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteString("direction", "ltr");
        json.WriteString("content", item.Html);
        json.WriteEndObject();
        json.WriteStartArray("enclosure");
        foreach (var enclosure in item.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("href", enclosure.Url);
            if (enclosure.Type is not null)
            {
                json.WriteString("type", enclosure.Type);
            }
            if (enclosure.Length is { } length)
            {
                json.WriteString("length", length.ToString(CultureInfo.InvariantCulture));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A stream of items: its id, when it was made, the items, and the continuation when more follow.</summary>
    public static IResult Stream(string streamId, IEnumerable<SyncItem> items, string? continuation) => new JsonStreamResult(json =>
    {
        json.WriteStartObject();
        json.WriteString("id", streamId);
        json.WriteNumber("updated", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            Write(json, item);
        }
        json.WriteEndArray();
        if (continuation is not null)
        {
            json.WriteString("continuation", continuation);
        }
        json.WriteEndObject();
    });

    /// <summary>The items in the order of <paramref name="order"/> (the stream's or the client's), leaving out ids the user has not.</summary>
    public static List<SyncItem> InOrder(IEnumerable<long> order, List<SyncItem> items)
    {
        var byId = items.ToDictionary(i => i.EntryId);
        return order.Distinct().Select(id => byId.GetValueOrDefault(id)).OfType<SyncItem>().ToList();
    }
}
