namespace Inertia.Feeds.Xml;

/// <summary>The XML namespaces the feed readers understand, whatever URI spelling a document used for them.</summary>
internal enum Ns : byte
{
    /// <summary>No namespace, or RSS 2.0's optional ones: RSS 0.9x/2.0 core elements.</summary>
    None,
    /// <summary>A namespace no reader looks at.</summary>
    Other,
    Atom10,
    Atom03,
    Rss10,
    Rss090,
    Rdf,
    Dc,
    DcTerms,
    Content,
    Media,
    ITunes,
    Slash,
    Wfw,
    Sy,
    Thr,
    Feedburner,
    Xhtml,
    Xml,
}

/// <summary>Maps namespace URIs to <see cref="Ns"/>, and gives the usual URI of a prefix that a broken feed forgot to declare.</summary>
internal static class NamespaceCatalog
{
    public const string XmlUri = "http://www.w3.org/XML/1998/namespace";
    public const string XhtmlUri = "http://www.w3.org/1999/xhtml";

    /// <summary>Keys are normalized: lower case, "https" read as "http", trailing '/' and '#' removed.</summary>
    private static readonly Dictionary<string, Ns> ByNormalizedUri = new(StringComparer.Ordinal)
    {
        ["http://www.w3.org/2005/atom"] = Ns.Atom10,
        ["http://purl.org/atom/ns"] = Ns.Atom03,
        ["http://purl.org/rss/1.0"] = Ns.Rss10,
        ["http://my.netscape.com/rdf/simple/0.9"] = Ns.Rss090,
        ["http://www.w3.org/1999/02/22-rdf-syntax-ns"] = Ns.Rdf,
        ["http://purl.org/dc/elements/1.1"] = Ns.Dc,
        ["http://purl.org/dc/elements/1.0"] = Ns.Dc,
        ["http://purl.org/dc/terms"] = Ns.DcTerms,
        ["http://purl.org/rss/1.0/modules/content"] = Ns.Content,
        ["http://search.yahoo.com/mrss"] = Ns.Media,
        ["http://video.search.yahoo.com/mrss"] = Ns.Media,
        ["http://www.itunes.com/dtds/podcast-1.0.dtd"] = Ns.ITunes,
        ["http://purl.org/rss/1.0/modules/slash"] = Ns.Slash,
        ["http://wellformedweb.org/commentapi"] = Ns.Wfw,
        ["http://purl.org/rss/1.0/modules/syndication"] = Ns.Sy,
        ["http://purl.org/syndication/thread/1.0"] = Ns.Thr,
        ["http://rssnamespace.org/feedburner/ext/1.0"] = Ns.Feedburner,
        ["http://www.w3.org/1999/xhtml"] = Ns.Xhtml,
        ["http://www.w3.org/xml/1998/namespace"] = Ns.Xml,
        // RSS 2.0 documents sometimes put their core elements in these; they mean "plain RSS".
        ["http://backend.userland.com/rss2"] = Ns.None,
        ["http://blogs.law.harvard.edu/tech/rss"] = Ns.None,
        ["http://backend.userland.com/rss"] = Ns.None,
    };

    private static readonly Dictionary<string, string> UsualPrefixes = new(StringComparer.Ordinal)
    {
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["thr"] = "http://purl.org/syndication/thread/1.0",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
        ["xhtml"] = XhtmlUri,
    };

    /// <summary>Classifies a namespace URI.</summary>
    public static Ns Classify(string uri)
    {
        if (uri.Length == 0)
        {
            return Ns.None;
        }
        Span<char> buffer = stackalloc char[Math.Min(uri.Length, 128)];
        if (uri.Length > buffer.Length)
        {
            return Ns.Other;
        }
        var n = uri.AsSpan().ToLowerInvariant(buffer);
        var key = buffer[..n].Trim().TrimEnd("/#");
        if (key.StartsWith("https://"))
        {
            // "https://x" becomes "http://x" in place: the scheme is not part of a namespace's identity in practice.
            "http".CopyTo(key[1..]);
            key = key[1..];
        }
        return ByNormalizedUri.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var ns) ? ns : Ns.Other;
    }

    /// <summary>The URI that a commonly used prefix stands for, when a document used it without declaring it.</summary>
    public static string? UsualUriOf(string prefix) => UsualPrefixes.GetValueOrDefault(prefix.ToLowerInvariant());
}
