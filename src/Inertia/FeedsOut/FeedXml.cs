using System.Globalization;
using System.Text;
using System.Xml;

namespace Inertia.FeedsOut;

/// <summary>What the XML writers share: the writer's settings and the two date formats.</summary>
internal static class FeedXml
{
    public static XmlWriter Create(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = false });

    /// <summary>RFC 822 dates, as RSS 2.0 has them: "Wed, 02 Dec 2026 18:00:00 GMT".</summary>
    public static string Rfc822(DateTimeOffset when) => when.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 dates, as Atom and JSON Feed have them: "2026-12-02T18:00:00Z".</summary>
    public static string Rfc3339(DateTimeOffset when) => when.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text without the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates): stored
    /// feed text can hold them, and a feed that breaks on one article breaks for every reader. The JSON
    /// writer uses it too, as it refuses lone surrogates.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (!pair && !XmlConvert.IsXmlChar(c))
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }
            clean?.Append(c);
            if (pair)
            {
                clean?.Append(text[i + 1]);
                i++;
            }
        }
        return clean?.ToString() ?? text;
    }
}
