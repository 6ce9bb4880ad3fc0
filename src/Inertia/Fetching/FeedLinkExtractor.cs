namespace Inertia.Fetching;

/// <summary>Finds the feeds an HTML page announces (feed autodiscovery).</summary>
internal static class FeedLinkExtractor
{
    /// <summary>How many announced feeds are kept: a page listing thousands must not make the server fetch thousands.</summary>
    public const int MaxLinks = 10;

    private static readonly string[] FeedMediaTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"];

    /// <summary>
    /// The http and https feeds linked with <c>rel="alternate"</c> and a feed media type, in page order, without
    /// duplicates, at most <see cref="MaxLinks"/>.
    /// </summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="contentType">The page's <c>Content-Type</c>; its charset, when known, decides how the bytes are read.</param>
    /// <param name="pageUrl">Where the page was served from.</param>
    public static IReadOnlyList<FeedLink> Extract(ReadOnlyMemory<byte> html, string? contentType, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var document = HtmlPage.Parse(html, contentType);
        var baseUrl = HtmlPage.BaseUrl(document, pageUrl);
        var links = new List<FeedLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("link[rel][href][type]"))
        {
            if (!HtmlPage.HasRelation(element.GetAttribute("rel")!, "alternate"))
            {
                continue;
            }
            var mediaType = MediaType(element.GetAttribute("type")!);
            if (Array.IndexOf(FeedMediaTypes, mediaType) < 0
                || !Uri.TryCreate(baseUrl, element.GetAttribute("href")!.Trim(), out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || !seen.Add(url.AbsoluteUri))
            {
                continue;
            }
            var title = element.GetAttribute("title")?.Trim();
            links.Add(new FeedLink(url, string.IsNullOrEmpty(title) ? null : title, mediaType));
            if (links.Count == MaxLinks)
            {
                break;
            }
        }
        return links;
    }

    private static string MediaType(string type)
    {
        var semicolon = type.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? type : type[..semicolon]).Trim().ToLowerInvariant();
    }
}
