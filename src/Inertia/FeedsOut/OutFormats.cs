namespace Inertia.FeedsOut;

/// <summary>What each published format is called, where it is written, and how.</summary>
internal static class OutFormats
{
    public static IReadOnlyList<OutFormat> All { get; } = [OutFormat.Rss, OutFormat.Atom, OutFormat.Json];

    /// <summary>The extension in feed addresses: <c>rss</c>, <c>atom</c>, <c>json</c>.</summary>
    public static string Extension(this OutFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The media type, as <c>&lt;link rel="alternate" type&gt;</c> names it for feed discovery.</summary>
    public static string MediaType(this OutFormat format) => format switch
    {
        OutFormat.Rss => "application/rss+xml",
        OutFormat.Atom => "application/atom+xml",
        _ => "application/feed+json",
    };

    public static string ContentType(this OutFormat format) => format.MediaType() + "; charset=utf-8";

    /// <summary>The name readers show: RSS 2.0, Atom 1.0, JSON Feed 1.1.</summary>
    public static string DisplayName(this OutFormat format) => format switch
    {
        OutFormat.Rss => "RSS 2.0",
        OutFormat.Atom => "Atom 1.0",
        _ => "JSON Feed 1.1",
    };

    public static bool TryParse(string? extension, out OutFormat format)
    {
        format = default;
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Extension(), extension, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes <paramref name="feed"/>, found at <paramref name="selfUrl"/>, in <paramref name="format"/>.</summary>
    public static void Write(this OutFormat format, Stream output, OutFeed feed, string selfUrl)
    {
        switch (format)
        {
            case OutFormat.Rss:
                RssWriter.Write(output, feed, selfUrl);
                break;
            case OutFormat.Atom:
                AtomWriter.Write(output, feed, selfUrl);
                break;
            default:
                JsonFeedWriter.Write(output, feed, selfUrl);
                break;
        }
    }
}
