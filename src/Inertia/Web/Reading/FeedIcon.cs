using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Inertia.Web.Reading;

/// <summary>
/// A feed's icon in lists: the site's own when one was found (its URL names its version, so browsers keep it), else a coloured first letter of its title,
/// its colour one of a fixed palette chosen by the title (so a feed keeps its colour everywhere).
/// </summary>
internal sealed record FeedIcon(long FeedId, string Title, string? IconHash)
{
    public const int Hues = 12;

    /// <summary>
    /// The icon's markup. Written here rather than in a partial view: a sidebar of 500 feeds shows 500 icons,
    /// and a partial view per icon costs more than the rest of the page.
    /// </summary>
    public IHtmlContent ToHtml() => new HtmlString(IconHash is not null
        ? string.Create(CultureInfo.InvariantCulture, $"<img class=\"icon\" src=\"/icons/{FeedId}?v={HtmlEncoder.Default.Encode(IconHash)}\" alt=\"\" width=\"16\" height=\"16\" loading=\"lazy\">")
        : string.Create(CultureInfo.InvariantCulture, $"<span class=\"icon letter hue-{Hue}\" aria-hidden=\"true\">{HtmlEncoder.Default.Encode(Letter)}</span>"));

    /// <summary>The first letter or character of the title, upper-cased; "?" when it has none.</summary>
    public string Letter
    {
        get
        {
            foreach (var element in StringInfoElements(Title))
            {
                if (element.Length > 0 && char.IsLetterOrDigit(element, 0))
                {
                    return element.ToUpper(CultureInfo.InvariantCulture);
                }
            }
            return "?";
        }
    }

    /// <summary>A palette index from a stable hash of the title (string.GetHashCode changes from run to run).</summary>
    public int Hue
    {
        get
        {
            var hash = 0u;
            foreach (var c in Title)
            {
                hash = (hash * 31) + c;
            }
            return (int)(hash % Hues);
        }
    }

    private static IEnumerable<string> StringInfoElements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }
}
