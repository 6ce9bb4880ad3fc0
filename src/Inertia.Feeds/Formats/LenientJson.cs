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
                        property = reader.GetString();
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
                        var value = Scalar(ref reader);
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

    private static JsonValue? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => JsonValue.Create(reader.GetString()),
        JsonTokenType.Number => reader.TryGetInt64(out var l) ? JsonValue.Create(l) : JsonValue.Create(reader.GetDouble()),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        _ => null,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
