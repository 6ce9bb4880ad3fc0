using System.Net;
using System.Text;

namespace Inertia.Feeds.Formats;

/// <summary>Turns plain text (Atom <c>type="text"</c>, JSON Feed <c>content_text</c>) into the HTML that the model carries.</summary>
internal static class PlainTextHtml
{
    /// <summary>Escapes the text; blank lines separate paragraphs and single line breaks become <c>&lt;br&gt;</c>.</summary>
    public static string? Convert(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (!normalized.Contains('\n', StringComparison.Ordinal))
        {
            return WebUtility.HtmlEncode(normalized);
        }
        var html = new StringBuilder(normalized.Length + 32);
        foreach (var paragraph in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>");
            var first = true;
            foreach (var line in paragraph.Split('\n'))
            {
                if (!first)
                {
                    html.Append("<br>");
                }
                html.Append(WebUtility.HtmlEncode(line));
                first = false;
            }
            html.Append("</p>");
        }
        return html.ToString();
    }
}
