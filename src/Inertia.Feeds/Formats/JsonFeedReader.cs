using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inertia.Feeds.Html;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Formats;

/// <summary>
/// Reads JSON Feed 1.0 and 1.1, and the RSS-in-JSON that a few sites (Scripting News) publish. Values of the
/// wrong JSON type (an id given as a number, a date as a Unix time) are read as what they obviously mean.
/// </summary>
internal static class JsonFeedReader
{
    public static Feed Read(JsonNode? document, Uri? documentUri, FeedParserOptions options, Warnings warnings)
    {
        if (document is not JsonObject root)
        {
            throw new FeedParseException(FeedParseError.NotAFeed, "The document is JSON but not a feed: its top level is not an object");
        }
        if (root["rss"] is JsonObject rss && rss["channel"] is JsonObject channel)
        {
            warnings.Add("the document is RSS written as JSON (RSS-in-JSON); read as RSS 2.0");
            return ReadRssInJson(channel, documentUri, options, warnings);
        }
        var version = Str(root["version"]);
        FeedFormat format;
        if (version is not null && version.Contains("jsonfeed.org/version/1.1", StringComparison.OrdinalIgnoreCase))
        {
            format = FeedFormat.Json11;
        }
        else if (version is not null && version.Contains("jsonfeed.org/version/1", StringComparison.OrdinalIgnoreCase))
        {
            format = FeedFormat.Json10;
        }
        else if (root["items"] is JsonArray)
        {
            warnings.Add(version is null
                ? "the JSON Feed has no version; read as JSON Feed 1.1"
                : $"the JSON Feed version \"{version}\" is unknown; read as JSON Feed 1.1");
            format = FeedFormat.Json11;
        }
        else
        {
            throw new FeedParseException(FeedParseError.NotAFeed,
                "The document is JSON but not a feed: it has neither a JSON Feed \"version\" nor \"items\"");
        }
        return ReadJsonFeed(root, format, documentUri, options, warnings);
    }

    private static Feed ReadJsonFeed(JsonObject root, FeedFormat format, Uri? documentUri, FeedParserOptions options, Warnings warnings)
    {
        var feed = new FeedBuilder(format, options, warnings);
        feed.Link = FeedUrls.Resolve(Str(root["home_page_url"]), documentUri, warnings);
        var siteBase = FeedUrls.ToBase(feed.Link, documentUri);
        feed.FeedUrl = FeedUrls.Resolve(Str(root["feed_url"]), siteBase, warnings);
        feed.Title = Plain(Str(root["title"]));
        feed.Description = Plain(Str(root["description"]));
        feed.Language = Str(root["language"]);
        feed.Image = FeedUrls.Resolve(Str(root["icon"]), siteBase, warnings);
        feed.Icon = FeedUrls.Resolve(Str(root["favicon"]), siteBase, warnings);
        foreach (var author in Authors(root, siteBase, warnings))
        {
            feed.AddAuthor(author);
        }
        if (root["hubs"] is JsonArray hubs)
        {
            foreach (var hub in hubs)
            {
                feed.AddHub(FeedUrls.Resolve(Str(hub?["url"]), siteBase, warnings));
            }
        }
        if (root["items"] is not JsonArray items)
        {
            warnings.Add("the JSON Feed has no \"items\" array");
            return feed.Build();
        }
        foreach (var node in items)
        {
            if (node is JsonObject item)
            {
                feed.AddEntry(ReadItem(item, feed, siteBase, warnings), -1);
            }
        }
        return feed.Build();
    }

    private static EntryBuilder ReadItem(JsonObject item, FeedBuilder feed, Uri? siteBase, Warnings warnings)
    {
        var entry = new EntryBuilder
        {
            Id = Str(item["id"]),
            Title = Plain(Str(item["title"])),
            Link = FeedUrls.Resolve(Str(item["url"]), siteBase, warnings),
            FallbackLink = FeedUrls.Resolve(Str(item["external_url"]), siteBase, warnings),
            Language = Str(item["language"]),
            ImageUrl = FeedUrls.Resolve(Str(item["image"]) ?? Str(item["banner_image"]), siteBase, warnings),
        };
        var language = entry.Language ?? feed.Language;
        entry.Published = Date(item["date_published"], language, warnings);
        entry.Updated = Date(item["date_modified"], language, warnings);
        var html = Str(item["content_html"]) ?? PlainTextHtml.Convert(Str(item["content_text"]));
        entry.FullContent = string.IsNullOrWhiteSpace(html) ? null : new EntryBuilder.Html(html, siteBase);
        var summary = PlainTextHtml.Convert(Str(item["summary"]));
        entry.Description = summary is null ? null : new EntryBuilder.Html(summary, siteBase);
        foreach (var author in Authors(item, siteBase, warnings))
        {
            entry.AddAuthor(author);
        }
        if (!entry.HasAuthors)
        {
            foreach (var author in feed.Authors)
            {
                entry.AddAuthor(author);
            }
        }
        if (item["tags"] is JsonArray tags)
        {
            foreach (var tag in tags)
            {
                entry.AddCategory(Str(tag));
            }
        }
        if (item["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments)
            {
                var seconds = Number(attachment?["duration_in_seconds"]);
                entry.AddEnclosure(
                    FeedUrls.Resolve(Str(attachment?["url"]), siteBase, warnings),
                    Str(attachment?["mime_type"]),
                    Number(attachment?["size_in_bytes"]) is > 0 and var size ? (long)size : null,
                    seconds is > 0 and < 1e7 ? TimeSpan.FromSeconds(seconds.Value) : null);
            }
        }
        return entry;
    }

    private static Feed ReadRssInJson(JsonObject channel, Uri? documentUri, FeedParserOptions options, Warnings warnings)
    {
        var feed = new FeedBuilder(FeedFormat.Rss20, options, warnings);
        feed.Link = FeedUrls.Resolve(Str(channel["link"]), documentUri, warnings);
        var siteBase = FeedUrls.ToBase(feed.Link, documentUri);
        feed.Title = Plain(Str(channel["title"]));
        feed.Description = Plain(Str(channel["description"]));
        feed.Language = Str(channel["language"]);
        feed.Rights = Plain(Str(channel["copyright"]));
        feed.Generator = Str(channel["generator"]);
        feed.Published = Date(channel["pubDate"], feed.Language, warnings);
        feed.Updated = Date(channel["lastBuildDate"], feed.Language, warnings);
        var items = channel["item"] switch
        {
            JsonArray array => array,
            JsonObject single => [single.DeepClone()],
            _ => [],
        };
        foreach (var node in items)
        {
            if (node is not JsonObject item)
            {
                continue;
            }
            var guid = item["guid"] is JsonObject guidObject ? Str(guidObject["value"]) : Str(item["guid"]);
            var description = Str(item["description"]);
            var entry = new EntryBuilder
            {
                Id = guid,
                Title = Plain(Str(item["title"])),
                Link = FeedUrls.Resolve(Str(item["link"]), siteBase, warnings),
                Published = Date(item["pubDate"], feed.Language, warnings),
                Description = string.IsNullOrWhiteSpace(description) ? null : new EntryBuilder.Html(description, siteBase),
            };
            entry.AddAuthor(People.Parse(Str(item["author"])));
            if (item["enclosure"] is JsonObject enclosure)
            {
                entry.AddEnclosure(FeedUrls.Resolve(Str(enclosure["url"]), siteBase, warnings), Str(enclosure["type"]), Extensions.Length(Str(enclosure["length"])));
            }
            feed.AddEntry(entry, -1);
        }
        return feed.Build();
    }

    private static IEnumerable<Person> Authors(JsonObject owner, Uri? siteBase, Warnings warnings)
    {
        var list = owner["authors"] as JsonArray ?? (owner["author"] is JsonObject single ? [single.DeepClone()] : null);
        if (list is null)
        {
            yield break;
        }
        foreach (var node in list)
        {
            if (node is JsonObject author && Extensions.MakePerson(Plain(Str(author["name"])), null, FeedUrls.Resolve(Str(author["url"]), siteBase, warnings, allowMailto: true)) is { } person)
            {
                yield return person;
            }
        }
    }

    private static DateTimeOffset? Date(JsonNode? node, string? language, Warnings warnings)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        if (value.GetValueKind() == JsonValueKind.Number && FeedDates.TryFromUnixTime(AsDouble(value), out var fromNumber))
        {
            return fromNumber;
        }
        var text = Str(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (FeedDates.TryParse(text, language, out var date))
        {
            return date;
        }
        warnings.Add($"the date \"{text}\" could not be read and was left out");
        return null;
    }

    /// <summary>A scalar as text: strings as they are, numbers and booleans written invariantly; null for objects, arrays and blanks.</summary>
    private static string? Str(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static double? Number(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() == JsonValueKind.Number ? AsDouble(value)
            : double.TryParse(Str(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;

    /// <summary>Numbers are kept as <see cref="long"/> when they are whole (ids must not lose digits) and as <see cref="double"/> otherwise.</summary>
    private static double AsDouble(JsonValue value) => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>();

    private static string? Plain(string? text) => text is null ? null : HtmlText.ToPlainText(text) is { Length: > 0 } plain ? plain : null;
}
