namespace Inertia.Feeds.Html;

/// <summary>
/// Makes feed-supplied HTML safe to show inside the reader's own pages. It is an allow-list sanitizer on a fast,
/// HTML5-faithful tokenizer: only harmless elements and attributes survive; scripts, styles, frames (except the
/// video and audio players listed in <c>EmbedHosts</c>), plugins, forms' controls, svg and math go with their
/// content; URLs are decoded, resolved and limited to http, https, mailto (links) and raster data: images; links
/// open in a new tab without referrer or opener; and the output is balanced, fully escaped HTML that a browser
/// reads back exactly as written, so sanitizing it again changes nothing.
/// </summary>
public static class FeedHtmlSanitizer
{
    /// <summary>Sanitizes feed-supplied HTML for display; relative URLs are resolved against <paramref name="baseUri"/> (may be null, and then they are dropped).</summary>
    public static string Sanitize(string html, Uri? baseUri)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Length == 0 ? "" : HtmlSanitization.Sanitize(html, baseUri);
    }
}
