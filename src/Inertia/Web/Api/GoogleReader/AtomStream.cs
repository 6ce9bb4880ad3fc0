using System.Globalization;
using System.Text;
using System.Xml;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>
/// Google Reader's Atom output of a stream (<c>reader/atom/&lt;stream&gt;</c>), which newsboat's "feedhq"
/// source reads each subscription through. Each entry's read and starred state travels as a category in
/// Google's scheme with a <c>label</c> (read, fresh, starred), which is how such clients learn it.
/// </summary>
internal static class AtomStream
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Gr = "http://www.google.com/schemas/reader/atom/";
    private const string Scheme = "http://www.google.com/reader/";

    public static byte[] Write(string streamId, string title, string? siteUrl, IReadOnlyList<SyncItem> items, string? continuation, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xmlns", "gr", null, Gr);
            if (continuation is not null)
            {
                xml.WriteElementString("continuation", Gr, continuation);
            }
            xml.WriteElementString("id", Atom, "tag:google.com,2005:reader/" + streamId);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Time(now.ToUnixTimeMilliseconds()));
            if (siteUrl is not null)
            {
                Link(xml, "alternate", siteUrl);
            }
            foreach (var item in items)
            {
                Entry(xml, item);
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, SyncItem item)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteAttributeString("gr", "crawl-timestamp-msec", Gr, item.ArrivedAt.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("id", Atom, ItemId.Long(item.EntryId));
        Category(xml, StreamId.ReadingListId, "reading-list");
        Category(xml, item.IsRead ? StreamId.ReadId : "user/-/state/com.google/fresh", item.IsRead ? "read" : "fresh");
        if (item.IsStarred)
        {
            Category(xml, StreamId.StarredId, "starred");
        }
        if (item.FolderTitle is { } folder)
        {
            Category(xml, StreamId.ForLabel(folder), folder);
        }
        xml.WriteStartElement("title", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(item.Title ?? "");
        xml.WriteEndElement();
        xml.WriteElementString("published", Atom, Time(item.PublishedAt));
        xml.WriteElementString("updated", Atom, Time(item.PublishedAt));
        if (item.Url is not null)
        {
            Link(xml, "alternate", item.Url);
        }
        foreach (var enclosure in item.Enclosures)
        {
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "enclosure");
            xml.WriteAttributeString("href", enclosure.Url);
            if (enclosure.Type is not null)
            {
                xml.WriteAttributeString("type", enclosure.Type);
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(item.Html);
        xml.WriteEndElement();
        foreach (var author in item.Authors.Where(a => a.Name is not null))
        {
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, author.Name);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("source", Atom);
        xml.WriteAttributeString("gr", "stream-id", Gr, StreamId.ForFeed(item.FeedId));
        xml.WriteElementString("id", Atom, "tag:google.com,2005:reader/" + StreamId.ForFeed(item.FeedId));
        xml.WriteElementString("title", Atom, item.FeedTitle);
        if (item.SiteUrl is not null)
        {
            Link(xml, "alternate", item.SiteUrl);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term, string label)
    {
        xml.WriteStartElement("category", Atom);
        xml.WriteAttributeString("term", term);
        xml.WriteAttributeString("scheme", Scheme);
        xml.WriteAttributeString("label", label);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
