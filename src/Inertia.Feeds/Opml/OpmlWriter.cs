using System.Globalization;
using System.Text;
using System.Xml;

namespace Inertia.Feeds.Opml;

/// <summary>Writes subscription lists as OPML 2.0, folders as enclosing outlines, as other readers import them.</summary>
public static class OpmlWriter
{
    public static void Write(Stream output, string title, IEnumerable<OpmlFeed> feeds, DateTimeOffset created)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("head");
        xml.WriteElementString("title", title);
        xml.WriteElementString("dateCreated", created.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        foreach (var folder in feeds.GroupBy(f => f.Folder).OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase))
        {
            if (folder.Key is not null)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", folder.Key);
                xml.WriteAttributeString("title", folder.Key);
            }
            foreach (var feed in folder)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("type", "rss");
                xml.WriteAttributeString("text", feed.Title ?? feed.FeedUrl);
                xml.WriteAttributeString("title", feed.Title ?? feed.FeedUrl);
                xml.WriteAttributeString("xmlUrl", feed.FeedUrl);
                if (feed.SiteUrl is not null)
                {
                    xml.WriteAttributeString("htmlUrl", feed.SiteUrl);
                }
                xml.WriteEndElement();
            }
            if (folder.Key is not null)
            {
                xml.WriteEndElement();
            }
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        // A text file ends with a line break: shells, cat and diff expect one.
        output.Write("\n"u8);
    }
}
