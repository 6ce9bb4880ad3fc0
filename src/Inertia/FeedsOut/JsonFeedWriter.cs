using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inertia.FeedsOut;

/// <summary>
/// Writes JSON Feed 1.1 (jsonfeed.org/version/1.1): version, title, home and feed addresses, and items with
/// their id, the article as <c>content_html</c>, dates in RFC 3339, authors and tags.
/// </summary>
internal static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // Readable text (Chinese stays Chinese) is still safe: the feed is served as JSON, never inside HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, OutFeed feed, string selfUrl)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("version", Version);
        json.WriteString("title", FeedXml.Clean(feed.Title));
        json.WriteString("home_page_url", feed.HomeUrl);
        json.WriteString("feed_url", selfUrl);
        json.WriteString("description", FeedXml.Clean(feed.Description));
        if (feed.Language is not null)
        {
            json.WriteString("language", feed.Language);
        }
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", feed.Author);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            WriteItem(json, item);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, OutItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        if (item.Url is not null)
        {
            json.WriteString("url", item.Url);
        }
        if (item.Title is not null)
        {
            json.WriteString("title", FeedXml.Clean(item.Title));
        }
        // Every item carries content_html or content_text; an article without content has an empty one.
        json.WriteString("content_html", FeedXml.Clean(item.ContentHtml ?? ""));
        json.WriteString("date_published", FeedXml.Rfc3339(item.Published));
        if (item.Updated is { } updated)
        {
            json.WriteString("date_modified", FeedXml.Rfc3339(updated));
        }
        var authors = item.Authors.Where(a => a.Name is not null || a.Uri is not null).ToList();
        if (authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in authors)
            {
                json.WriteStartObject();
                if (author.Name is not null)
                {
                    json.WriteString("name", FeedXml.Clean(author.Name));
                }
                if (author.Uri is not null)
                {
                    json.WriteString("url", author.Uri);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (item.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
            {
                json.WriteStringValue(FeedXml.Clean(category));
            }
            json.WriteEndArray();
        }
        if (item.Source is { } source)
        {
            // JSON Feed has no "source"; an extension (an underscore key) carries it, as the specification allows.
            json.WriteStartObject("_source");
            json.WriteString("title", FeedXml.Clean(source.Title));
            json.WriteString("feed_url", source.FeedUrl);
            if (source.SiteUrl is not null)
            {
                json.WriteString("home_page_url", source.SiteUrl);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
