using System.Buffers;
using Inertia.Feeds.Text;
using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Opml;

/// <summary>
/// Reads OPML subscription lists as other readers export them (OPML 1.0 and 2.0; Feedly, Inoreader,
/// Miniflux, FreshRSS, NetNewsWire), with the same leniency and limits as feeds: broken XML is repaired
/// and reported, never fatal while outlines can be read.
/// </summary>
public static class OpmlReader
{
    public static OpmlDocument Read(ReadOnlySpan<byte> document, FeedParserOptions? options = null)
    {
        options ??= FeedParserOptions.Default;
        if (document.Length > options.MaxInputBytes)
        {
            throw new FeedParseException(FeedParseError.TooLarge, $"The OPML file is larger than the limit of {options.MaxInputBytes:N0} bytes");
        }
        var warnings = new Warnings();
        var detection = FeedEncodingDetector.Detect(document, null);
        var body = document[detection.PreambleLength..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, detection.Encoding.GetMaxCharCount(body.Length)));
        using var source = new XmlSource(chars, detection.Encoding.GetChars(body, chars), warnings);
        LenientXmlParser.Parse(source, options);
        var opml = source.TopLevel.FirstOrDefault(e => e.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
            ?? throw (source.TopLevel.Count == 0
                ? new FeedParseException(FeedParseError.Malformed, "The file holds no XML: it is not an OPML subscription list")
                : new FeedParseException(FeedParseError.NotAFeed, $"The file is not OPML: its root element is <{source.TopLevel[0].QualifiedName}>, where OPML has <opml>"));
        var title = opml.Child(Ns.None, "head") is { } head && head.Child(Ns.None, "title") is { } titleElement ? Trimmed(source.TextOf(titleElement)) : null;
        var feeds = new List<OpmlFeed>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (opml.Child(Ns.None, "body") is { } outlines)
        {
            Collect(outlines, null, feeds, seen, warnings);
        }
        else
        {
            warnings.Add("the OPML file has no <body>", opml.TagStart);
        }
        return new OpmlDocument(title, feeds, warnings.ToList());
    }

    private static void Collect(Element parent, string? folder, List<OpmlFeed> feeds, HashSet<string> seen, Warnings warnings)
    {
        foreach (var outline in parent.Children)
        {
            if (!outline.LocalName.Equals("outline", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var text = Trimmed(outline.Attribute("title")) ?? Trimmed(outline.Attribute("text"));
            var xmlUrl = Trimmed(outline.Attribute("xmlUrl") ?? outline.Attribute("xmlurl") ?? outline.Attribute("url"));
            if (xmlUrl is null)
            {
                // An outline without a feed address is a folder (or a note, which has no children).
                Collect(outline, text ?? folder, feeds, seen, warnings);
                continue;
            }
            if (!Uri.TryCreate(xmlUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                warnings.Add($"the outline \"{text ?? xmlUrl}\" has no usable feed address (\"{xmlUrl}\") and was left out", outline.TagStart);
            }
            else if (!seen.Add(uri.AbsoluteUri))
            {
                warnings.Add($"the feed {uri.AbsoluteUri} is listed more than once; it was taken once", outline.TagStart);
            }
            else
            {
                feeds.Add(new OpmlFeed(uri.AbsoluteUri, text, Trimmed(outline.Attribute("htmlUrl")), folder ?? CategoryFolder(outline.Attribute("category"))));
            }
            // A feed outline has no children, unless a broken file left it unclosed and it swallowed the next ones.
            Collect(outline, folder, feeds, seen, warnings);
        }
    }

    /// <summary>OPML 2.0's <c>category</c>: comma-separated slash paths, e.g. "/Tech/News"; the first path's last part.</summary>
    private static string? CategoryFolder(string? category)
    {
        var first = category?.Split(',')[0].Trim().Trim('/');
        return string.IsNullOrEmpty(first) ? null : first[(first.LastIndexOf('/') + 1)..];
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
