using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inertia.Feeds.Formats;

/// <summary>
/// Reads JSON into <see cref="JsonNode"/>s token by token, so that a document cut short (a truncated
/// download) still yields every value completed before the cut. Comments and trailing commas are accepted.
/// </summary>
internal static class LenientJson
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private static readonly SearchValues<char> Disallowed = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>
    /// Reads what can be read. When the JSON breaks off, <paramref name="syntaxError"/> says where, so that a
    /// caller that finds nothing feed-like in what was read can report the real problem.
    /// </summary>
    public static JsonNode? Read(ReadOnlySpan<byte> utf8, Warnings warnings, FeedParserOptions options, out FeedParseException? syntaxError)
    {
        syntaxError = null;
        var reader = new Utf8JsonReader(utf8, Options with { MaxDepth = Math.Min(options.MaxDepth, 1000) });
        var stack = new Stack<JsonNode>();
        JsonNode? root = null;
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Clean(StringOf(ref reader, warnings), warnings);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        JsonNode container = reader.TokenType == JsonTokenType.StartObject ? new JsonObject() : new JsonArray();
                        root ??= container;
                        Attach(stack, ref property, container);
                        stack.Push(container);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        var value = Scalar(ref reader, warnings);
                        root ??= value;
                        Attach(stack, ref property, value);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            syntaxError = new FeedParseException(FeedParseError.Malformed, "The document is not valid JSON: " + FirstSentence(e.Message),
                (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            if (root is null)
            {
                throw syntaxError;
            }
            warnings.AddAt(stack.Count > 0
                ? "the JSON document is cut short or broken here; everything complete before this point was read"
                : "the JSON document has unexpected content after its end, which was ignored",
                (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
        return root;
    }

    private static void Attach(Stack<JsonNode> stack, ref string? property, JsonNode? value)
    {
        if (stack.Count == 0)
        {
            return;
        }
        switch (stack.Peek())
        {
            case JsonObject obj when property is not null:
                obj[property] = value; // A repeated key: the last one wins, as in JavaScript.
                property = null;
                break;
            case JsonArray array:
                array.Add(value);
                break;
        }
    }

    private static JsonValue? Scalar(ref Utf8JsonReader reader, Warnings warnings) => reader.TokenType switch
    {
        JsonTokenType.String => JsonValue.Create(Clean(StringOf(ref reader, warnings), warnings)),
        JsonTokenType.Number => reader.TryGetInt64(out var l) ? JsonValue.Create(l) : JsonValue.Create(reader.GetDouble()),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        _ => null,
    };

    /// <summary>
    /// The current string token. System.Text.Json refuses a string holding half a surrogate pair ("\uD800"
    /// alone), which some feeds carry after cutting text in the middle of an emoji; such a string is unescaped
    /// here instead, with U+FFFD for the broken half, so that one bad title does not lose the whole feed.
    /// </summary>
    private static string StringOf(ref Utf8JsonReader reader, Warnings warnings)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            warnings.Add("the JSON document contains half a surrogate pair (a \\uD800-\\uDFFF escape alone); it was replaced by U+FFFD");
            return UnescapeWithLoneSurrogates(reader.ValueSpan);
        }
    }

    private static string UnescapeWithLoneSurrogates(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            var escape = text[++i];
            if (escape != 'u')
            {
                result.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
                continue;
            }
            var unit = HexUnit(text, i + 1);
            i += 4;
            if (char.IsHighSurrogate(unit) && i + 6 < text.Length && text[i + 1] == '\\' && text[i + 2] == 'u'
                && HexUnit(text, i + 3) is var low && char.IsLowSurrogate(low))
            {
                result.Append(unit).Append(low);
                i += 6;
            }
            else
            {
                result.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
            }
        }
        return result.ToString();
    }

    // The reader has already checked that every \u escape has four hex digits.
    private static char HexUnit(string text, int at) =>
        (char)int.Parse(text.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>
    /// Removes the characters that JSON may carry escaped but XML, HTML and PostgreSQL text cannot hold (NUL and
    /// the other C0 controls but tab and line breaks, U+FFFE, U+FFFF), so that a JSON feed and an XML feed
    /// with the same content give the same entries, and a stray <c>\u0000</c> cannot stop an entry being stored.
    /// </summary>
    private static string? Clean(string? text, Warnings warnings)
    {
        if (text is null || text.AsSpan().IndexOfAny(Disallowed) < 0)
        {
            return text;
        }
        warnings.Add("the JSON document contains control characters that text cannot hold; they were removed");
        return string.Create(text.Length - CountDisallowed(text), text, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (!Disallowed.Contains(c))
                {
                    span[at++] = c;
                }
            }
        });
    }

    private static int CountDisallowed(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += Disallowed.Contains(c) ? 1 : 0;
        }
        return count;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
