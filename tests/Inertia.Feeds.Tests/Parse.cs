using System.Text;

namespace Inertia.Feeds.Tests;

/// <summary>Shorthands for parsing test documents.</summary>
internal static class Parse
{
    private static readonly FeedParser Raw = new(FeedParserOptions.Default with { SanitizeHtml = false });

    /// <summary>Parses a document written as a string (UTF-8), with HTML left as the feed wrote it.</summary>
    public static Feed Unsanitized(string document, string? url = null) =>
        Raw.Parse(Encoding.UTF8.GetBytes(document), documentUri: url is null ? null : new Uri(url));

    /// <summary>Parses a document written as a string (UTF-8) with the default options: HTML sanitized.</summary>
    public static Feed Default(string document, string? url = null) =>
        FeedParser.Default.Parse(Encoding.UTF8.GetBytes(document), documentUri: url is null ? null : new Uri(url));

    /// <summary>Parses an RSS 2.0 document whose channel holds <paramref name="channelXml"/>.</summary>
    public static Feed Rss(string channelXml, string namespaces = "") => Unsanitized(
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {namespaces}><channel>{channelXml}</channel></rss>""");

    /// <summary>Parses an RSS 2.0 document with one item holding <paramref name="itemXml"/> and returns that entry.</summary>
    public static Entry RssItem(string itemXml, string namespaces = "") => Single(Rss($"<title>t</title><item>{itemXml}</item>", namespaces));

    /// <summary>Parses an Atom 1.0 document whose feed holds <paramref name="feedXml"/>.</summary>
    public static Feed Atom(string feedXml, string namespaces = "") => Unsanitized(
        $"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" {namespaces}>{feedXml}</feed>""");

    /// <summary>Parses an Atom document with one entry holding <paramref name="entryXml"/> and returns that entry.</summary>
    public static Entry AtomEntry(string entryXml, string namespaces = "") => Single(Atom($"<title>t</title><entry>{entryXml}</entry>", namespaces));

    public static Entry Single(Feed feed)
    {
        Assert.Single(feed.Entries);
        return feed.Entries[0];
    }

    /// <summary>Whether a warning containing <paramref name="fragment"/> was recorded.</summary>
    public static bool Warned(this Feed feed, string fragment) =>
        feed.Warnings.Any(w => w.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
}
