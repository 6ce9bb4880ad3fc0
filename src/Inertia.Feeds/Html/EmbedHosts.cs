namespace Inertia.Feeds.Html;

/// <summary>
/// The players an entry may embed. An iframe is kept only when its src is on one of these hosts, under the given
/// path (so that a frame can only ever show a player, not any page of the site), on the default port; it is
/// always loaded over https, whatever scheme the feed wrote.
/// </summary>
internal static class EmbedHosts
{
    public static readonly EmbedHost[] Allowed =
    [
        new("www.youtube.com", "/embed/"),
        new("youtube.com", "/embed/"),
        new("www.youtube-nocookie.com", "/embed/"),
        new("player.vimeo.com", "/video/"),
        new("player.bilibili.com", "/"),
        new("www.bilibili.com", "/blackboard/html5player"),
        new("open.spotify.com", "/embed"),
        new("w.soundcloud.com", "/player"),
        new("www.dailymotion.com", "/embed/"),
        new("player.youku.com", "/embed/"),
        new("v.qq.com", "/"),
        new("embed.ted.com", "/talks/"),
        new("www.tiktok.com", "/embed"),
    ];

    /// <summary>Appends the https form of an iframe's src when it is an allowed player; returns false, having appended nothing, otherwise.</summary>
    public static bool TryAppend(ReadOnlySpan<char> src, Uri? baseUri, CharBuffer output)
    {
        var start = output.Length;
        if (!SafeUrls.TryAppend(src, UrlUse.Resource, baseUri, output))
        {
            return false;
        }
        var absolute = output.AsSpan(start).ToString();
        output.Length = start;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri) || !uri.IsDefaultPort || uri.UserInfo.Length != 0 || !IsAllowed(uri))
        {
            return false;
        }
        // Rebuilt from its parts: https whatever the feed said, and the host in the ASCII form that was checked.
        output.Append("https://");
        output.Append(uri.IdnHost);
        output.Append(uri.PathAndQuery);
        output.Append(uri.Fragment);
        return true;
    }

    private static bool IsAllowed(Uri uri)
    {
        foreach (var embed in Allowed)
        {
            if (uri.IdnHost.Equals(embed.Host, StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith(embed.PathPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
