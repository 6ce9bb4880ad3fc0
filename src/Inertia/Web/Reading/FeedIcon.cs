using System.Globalization;

namespace Inertia.Web.Reading;

/// <summary>
/// A feed's icon in lists: the site's own when one was found, else a coloured first letter of its title,
/// its colour one of a fixed palette chosen by the title (so a feed keeps its colour everywhere).
/// </summary>
internal sealed record FeedIcon(long FeedId, string Title, bool HasIcon)
{
    public const int Hues = 12;

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
