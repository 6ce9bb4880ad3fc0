using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Formats;

/// <summary>
/// Finds the feed element of an XML document and tells its dialect from the element itself (name,
/// namespace, version), never from the Content-Type, which servers get wrong.
/// </summary>
internal static class FormatSniffer
{
    public static (Element Root, FeedFormat Format) Sniff(XmlSource source)
    {
        foreach (var element in source.TopLevel)
        {
            if (Classify(element, source.Warnings) is { } format)
            {
                return (element, format);
            }
        }
        foreach (var element in source.TopLevel)
        {
            if (element.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase) && FindWrapped(element, 0) is { } wrapped
                && Classify(wrapped, source.Warnings) is { } format)
            {
                source.Warnings.Add("the feed is wrapped in an XHTML page; the page around it was ignored", wrapped.TagStart);
                return (wrapped, format);
            }
        }
        throw NotAFeed(source);
    }

    private static FeedFormat? Classify(Element e, Warnings warnings)
    {
        switch (e.LocalName)
        {
            case "rss":
                return RssVersion(e.Attribute("version"), e, warnings);
            case "channel" when e.Ns is Ns.None:
                warnings.Add("the document is a bare <channel> without <rss>; read as RSS 2.0", e.TagStart);
                return FeedFormat.Rss20;
            case "RDF" when e.Ns is Ns.Rdf || e.Prefix == "rdf":
                return HasChild(e, Ns.Rss090) ? FeedFormat.Rss090 : FeedFormat.Rss10;
            case "feed":
                return e.Ns switch
                {
                    Ns.Atom10 => FeedFormat.Atom10,
                    Ns.Atom03 => FeedFormat.Atom03,
                    _ when e.Attribute("version") == "0.3" => FeedFormat.Atom03,
                    _ => AtomWithoutNamespace(e, warnings),
                };
            default:
                return null;
        }
    }

    private static FeedFormat AtomWithoutNamespace(Element e, Warnings warnings)
    {
        warnings.Add("the <feed> element is not in the Atom namespace; read as Atom 1.0", e.TagStart);
        return FeedFormat.Atom10;
    }

    private static FeedFormat RssVersion(string? version, Element e, Warnings warnings)
    {
        switch (version?.Trim())
        {
            case "2.0" or "2.0.1" or "2.01" or "2":
                return FeedFormat.Rss20;
            case "0.91":
                return FeedFormat.Rss091;
            case "0.92":
                return FeedFormat.Rss092;
            case "0.93":
                return FeedFormat.Rss093;
            case "0.94":
                return FeedFormat.Rss094;
            case "0.90" or "0.9":
                return FeedFormat.Rss090;
            case null or "":
                warnings.Add("the <rss> element has no version; read as RSS 2.0", e.TagStart);
                return FeedFormat.Rss20;
            default:
                warnings.Add($"the RSS version \"{version}\" is unknown; read as RSS 2.0", e.TagStart);
                return FeedFormat.Rss20;
        }
    }

    private static bool HasChild(Element e, Ns ns)
    {
        foreach (var child in e.Children)
        {
            if (child.Ns == ns)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A feed element inside an XHTML page (found a few levels down, in html or body).</summary>
    private static Element? FindWrapped(Element e, int depth)
    {
        if (depth > 3)
        {
            return null;
        }
        foreach (var child in e.Children)
        {
            if (child.LocalName is "feed" or "rss" or "RDF")
            {
                return child;
            }
            if (FindWrapped(child, depth + 1) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static FeedParseException NotAFeed(XmlSource source)
    {
        if (source.TopLevel.Count == 0)
        {
            return new FeedParseException(FeedParseError.Malformed, "No XML element was found: the document holds no markup that could be a feed", 1, 1);
        }
        var root = source.TopLevel[0];
        var (line, column) = source.Locate(root.TagStart);
        var what = root.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? "The document is an HTML page, not a feed (its root element is <html>); the page may link to its feed"
            : $"The document is XML but not a feed: its root element is <{root.QualifiedName}>, where RSS has <rss> or <rdf:RDF> and Atom has <feed>";
        return new FeedParseException(FeedParseError.NotAFeed, what, line, column);
    }
}
