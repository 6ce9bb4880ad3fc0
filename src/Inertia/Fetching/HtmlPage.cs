using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Inertia.Fetching;

/// <summary>Reading fetched web pages (for the feeds and the icon they announce) with AngleSharp's HTML5 parser.</summary>
internal static class HtmlPage
{
    /// <summary>Parses a page. The HTTP charset outranks the page's own &lt;meta charset&gt;; without one, AngleSharp sniffs the bytes itself.</summary>
    public static IHtmlDocument Parse(ReadOnlyMemory<byte> html, string? contentType)
    {
        var parser = new HtmlParser();
        if (Charset(contentType) is { } encoding)
        {
            return parser.ParseDocument(encoding.GetString(html.Span));
        }
        using var stream = new MemoryStream(html.ToArray(), writable: false);
        return parser.ParseDocument(stream);
    }

    /// <summary>The URL the page's relative links resolve against: its &lt;base href&gt; when it has one.</summary>
    public static Uri BaseUrl(IDocument document, Uri pageUrl) =>
        document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUrl, baseHref.Trim(), out var resolved)
            ? resolved
            : pageUrl;

    /// <summary>Whether a space-separated <c>rel</c> value holds <paramref name="wanted"/> (ignoring case).</summary>
    public static bool HasRelation(string rel, string wanted)
    {
        foreach (var token in rel.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static Encoding? Charset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || string.IsNullOrWhiteSpace(mediaType.CharSet))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(mediaType.CharSet.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
