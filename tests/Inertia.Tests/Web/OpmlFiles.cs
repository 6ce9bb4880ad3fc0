using System.Text;
using System.Xml;

namespace Inertia.Tests.Web;

/// <summary>Builds OPML files as other readers export them: feeds in folders (outlines) and outside them.</summary>
internal static class OpmlFiles
{
    public static byte[] Build(IEnumerable<(string? Folder, string Title, Uri Url)> feeds)
    {
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "1.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", "Exported from another reader");
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var folder in feeds.GroupBy(f => f.Folder))
            {
                if (folder.Key is not null)
                {
                    xml.WriteStartElement("outline");
                    xml.WriteAttributeString("text", folder.Key);
                }
                foreach (var (_, title, url) in folder)
                {
                    xml.WriteStartElement("outline");
                    xml.WriteAttributeString("type", "rss");
                    xml.WriteAttributeString("text", title);
                    xml.WriteAttributeString("xmlUrl", url.AbsoluteUri);
                    xml.WriteEndElement();
                }
                if (folder.Key is not null)
                {
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return output.ToArray();
    }
}
