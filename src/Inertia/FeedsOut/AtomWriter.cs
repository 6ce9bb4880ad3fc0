using System.Xml;

namespace Inertia.FeedsOut;

/// <summary>
/// Writes Atom 1.0 (RFC 4287): the feed's id, title, updated, author and <c>rel="self"</c> link; each entry's id,
/// title, updated (and published), its article as <c>content type="html"</c>, and a <c>source</c> naming the
/// feed it came from.
/// </summary>
internal static class AtomWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, OutFeed feed, string selfUrl)
    {
        using var xml = FeedXml.Create(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Atom);
        if (feed.Language is not null)
        {
            xml.WriteAttributeString("xml", "lang", null, feed.Language);
        }
        xml.WriteElementString("id", Atom, feed.Id);
        Text(xml, "title", feed.Title);
        Text(xml, "subtitle", feed.Description);
        xml.WriteElementString("updated", Atom, FeedXml.Rfc3339(feed.Updated));
        Link(xml, "self", "application/atom+xml", selfUrl);
        Link(xml, "alternate", "text/html", feed.HomeUrl);
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, FeedXml.Clean(feed.Author));
        xml.WriteEndElement();
        xml.WriteElementString("generator", Atom, "Inertia");
        foreach (var item in feed.Items)
        {
            WriteEntry(xml, item);
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteEntry(XmlWriter xml, OutItem item)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, item.Id);
        Text(xml, "title", item.Title ?? "");
        xml.WriteElementString("updated", Atom, FeedXml.Rfc3339(item.Updated ?? item.Published));
        xml.WriteElementString("published", Atom, FeedXml.Rfc3339(item.Published));
        if (item.Url is not null)
        {
            Link(xml, "alternate", "text/html", item.Url);
        }
        foreach (var author in item.Authors)
        {
            if ((author.Name ?? author.Email) is not { } name)
            {
                continue;
            }
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, FeedXml.Clean(name));
            if (author.Email is not null)
            {
                xml.WriteElementString("email", Atom, FeedXml.Clean(author.Email));
            }
            if (author.Uri is not null)
            {
                xml.WriteElementString("uri", Atom, author.Uri);
            }
            xml.WriteEndElement();
        }
        foreach (var category in item.Categories)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", FeedXml.Clean(category));
            xml.WriteEndElement();
        }
        if (item.ContentHtml is not null)
        {
            xml.WriteStartElement("content", Atom);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(FeedXml.Clean(item.ContentHtml));
            xml.WriteEndElement();
        }
        if (item.Source is { } source)
        {
            xml.WriteStartElement("source", Atom);
            xml.WriteElementString("id", Atom, source.FeedUrl);
            Text(xml, "title", source.Title);
            Link(xml, "self", null, source.FeedUrl);
            if (source.SiteUrl is not null)
            {
                Link(xml, "alternate", "text/html", source.SiteUrl);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(FeedXml.Clean(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string? type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
