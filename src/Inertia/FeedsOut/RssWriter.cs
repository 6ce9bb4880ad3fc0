using System.Xml;

namespace Inertia.FeedsOut;

/// <summary>
/// Writes RSS 2.0 (rssboard.org's specification): the channel's title, link and description, each item's
/// guid (not a permalink: it names the item, and <c>link</c> is the article), titles and the channel's
/// description as escaped HTML, the content as escaped HTML in <c>description</c>, authors as <c>dc:creator</c>
/// (RSS's own <c>author</c> must be an e-mail address), and an <c>atom:link rel="self"</c>, as the RSS Advisory
/// Board recommends.
/// </summary>
internal static class RssWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static void Write(Stream output, OutFeed feed, string selfUrl)
    {
        using var xml = FeedXml.Create(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DublinCore);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", Html(feed.Title));
        xml.WriteElementString("link", feed.HomeUrl);
        xml.WriteElementString("description", Html(feed.Description));
        if (feed.Language is not null)
        {
            xml.WriteElementString("language", feed.Language);
        }
        xml.WriteElementString("lastBuildDate", FeedXml.Rfc822(feed.Updated));
        xml.WriteElementString("generator", "Inertia");
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("href", selfUrl);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        foreach (var item in feed.Items)
        {
            WriteItem(xml, item);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteItem(XmlWriter xml, OutItem item)
    {
        xml.WriteStartElement("item");
        if (item.Title is not null)
        {
            xml.WriteElementString("title", Html(item.Title));
        }
        if (item.Url is not null)
        {
            xml.WriteElementString("link", item.Url);
        }
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(item.Id);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", FeedXml.Rfc822(item.Published));
        foreach (var author in item.Authors)
        {
            if ((author.Name ?? author.Email) is { } name)
            {
                xml.WriteElementString("creator", DublinCore, FeedXml.Clean(name));
            }
        }
        foreach (var category in item.Categories)
        {
            xml.WriteElementString("category", FeedXml.Clean(category));
        }
        // An item needs a title or a description; an article with neither still gets an (empty) description.
        xml.WriteElementString("description", FeedXml.Clean(item.ContentHtml ?? ""));
        if (item.Source is { } source)
        {
            xml.WriteStartElement("source");
            xml.WriteAttributeString("url", source.FeedUrl);
            xml.WriteString(FeedXml.Clean(source.Title));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    // Readers show RSS titles and descriptions as HTML (RSS never said which they are), so plain text goes in
    // escaped as HTML, and the XML writer escapes that again: a title that reads "<img src=x>" stays those
    // characters instead of becoming an image. Categories, authors and the source name are taken as text.
    private static string Html(string text) => FeedXml.Clean(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
