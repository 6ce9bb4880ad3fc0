using System.Text;
using System.Text.Encodings.Web;
using Inertia.Search;
using Microsoft.AspNetCore.Html;

namespace Inertia.Web.Reading;

/// <summary>
/// Plain text with what a search matched wrapped in <c>&lt;mark&gt;</c>: every piece of the text is encoded, and the
/// only markup is the marks themselves, so a result's title or snippet can never carry the feed's own markup.
/// </summary>
internal static class MarkedText
{
    public static IHtmlContent ToHtml(string text, IReadOnlyList<SearchHighlighter.Needle> needles)
    {
        var html = new StringBuilder(text.Length + 32);
        foreach (var piece in SearchHighlighter.Mark(text, needles))
        {
            var encoded = HtmlEncoder.Default.Encode(piece.Text);
            html.Append(piece.Marked ? "<mark>" + encoded + "</mark>" : encoded);
        }
        return new HtmlString(html.ToString());
    }
}
