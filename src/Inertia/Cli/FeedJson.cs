using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inertia.Feeds;

namespace Inertia.Cli;

/// <summary>
/// Writes a <see cref="Feed"/> as the JSON document of <c>inertia parse --json</c>. The shape is a public
/// contract (docs/parse-json.md): every key is always present, in this order, with null for what is unknown.
/// </summary>
internal static class FeedJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The output is data on stdout, not HTML: keep CJK and punctuation readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Feed feed, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("format", feed.Format.ToContractName());
        json.WriteString("title", feed.Title);
        json.WriteString("link", feed.Link);
        json.WriteString("feedUrl", feed.FeedUrl);
        json.WriteString("description", feed.Description);
        json.WriteString("language", feed.Language);
        WriteDate(json, "updated", feed.Updated);
        WriteDate(json, "published", feed.Published);
        WritePeople(json, feed.Authors);
        json.WriteString("image", feed.Image);
        json.WriteString("icon", feed.Icon);
        json.WriteString("generator", feed.Generator);
        json.WriteString("rights", feed.Rights);
        WriteStrings(json, "categories", feed.Categories);
        json.WriteStartArray("warnings");
        foreach (var warning in feed.Warnings)
        {
            json.WriteStringValue(warning.ToString());
        }
        json.WriteEndArray();
        json.WriteStartArray("entries");
        foreach (var entry in feed.Entries)
        {
            WriteEntry(json, entry);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>ISO 8601 in UTC to the second, e.g. <c>2026-04-14T21:25:00Z</c>.</summary>
    public static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteEntry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("title", entry.Title);
        json.WriteString("link", entry.Link);
        WritePeople(json, entry.Authors);
        WriteDate(json, "published", entry.Published);
        WriteDate(json, "updated", entry.Updated);
        json.WriteString("summary", entry.Summary);
        json.WriteString("content", entry.Content);
        WriteStrings(json, "categories", entry.Categories);
        json.WriteStartArray("enclosures");
        foreach (var enclosure in entry.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("url", enclosure.Url);
            json.WriteString("type", enclosure.Type);
            if (enclosure.Length is { } length)
            {
                json.WriteNumber("length", length);
            }
            else
            {
                json.WriteNull("length");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("commentsUrl", entry.CommentsUrl);
        json.WriteString("language", entry.Language);
        json.WriteEndObject();
    }

    private static void WritePeople(Utf8JsonWriter json, IReadOnlyList<Person> people)
    {
        json.WriteStartArray("authors");
        foreach (var person in people)
        {
            json.WriteStartObject();
            json.WriteString("name", person.Name);
            json.WriteString("email", person.Email);
            json.WriteString("uri", person.Uri);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, FormatDate(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
