namespace Inertia.Web.Api;

/// <summary>What a Google Reader stream id names.</summary>
internal enum StreamKind
{
    ReadingList,
    Starred,
    Read,
    Feed,
    Label,
}

/// <summary>
/// A Google Reader stream id: <c>user/-/state/com.google/reading-list</c>, <c>…/starred</c>, <c>…/read</c>,
/// <c>feed/&lt;id&gt;</c>, <c>user/-/label/&lt;name&gt;</c> (a folder). Clients write the user as <c>-</c> or as
/// a number; either means the signed-in user, whose rows are the only ones any query reads.
/// </summary>
internal sealed record StreamId(StreamKind Kind, long? FeedId = null, string? Label = null)
{
    public const string ReadingListId = "user/-/state/com.google/reading-list";
    public const string StarredId = "user/-/state/com.google/starred";
    public const string ReadId = "user/-/state/com.google/read";

    public static string ForFeed(long feedId) => "feed/" + feedId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ForLabel(string label) => "user/-/label/" + label;

    public static bool TryParse(string? text, out StreamId stream)
    {
        stream = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = text.Trim();
        if (value.StartsWith("feed/", StringComparison.Ordinal))
        {
            if (long.TryParse(value.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var feedId))
            {
                stream = new StreamId(StreamKind.Feed, FeedId: feedId);
                return true;
            }
            return false;
        }
        if (!value.StartsWith("user/", StringComparison.Ordinal) || value.IndexOf('/', 5) is var slash && slash < 0)
        {
            return false;
        }
        var rest = value[(slash + 1)..];
        if (rest.StartsWith("label/", StringComparison.Ordinal) && rest.Length > 6)
        {
            stream = new StreamId(StreamKind.Label, Label: rest[6..]);
            return true;
        }
        StreamKind? kind = rest switch
        {
            "state/com.google/reading-list" => StreamKind.ReadingList,
            "state/com.google/starred" => StreamKind.Starred,
            "state/com.google/read" => StreamKind.Read,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }
        stream = new StreamId(kind.Value);
        return true;
    }
}
