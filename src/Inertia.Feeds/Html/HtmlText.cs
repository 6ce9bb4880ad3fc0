namespace Inertia.Feeds.Html;

/// <summary>Plain text from HTML fragments, for titles, descriptions, search and snippets.</summary>
public static class HtmlText
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Plain text of an HTML fragment (titles, descriptions): tags removed, script/style content dropped, entities
    /// decoded, whitespace (including U+00A0 and line breaks) collapsed to single spaces, trimmed.
    /// "a &lt; b" and "x&lt;3" stay as text.
    /// </summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Length == 0 ? "" : PlainTextExtractor.Extract(html, int.MaxValue, 0, static (text, _) => text.ToString());
    }

    /// <summary>
    /// A plain-text snippet of at most <paramref name="maxLength"/> characters, cut at a word boundary for
    /// space-separated scripts and anywhere for CJK, ending with "…" when cut. Block elements (p, br, li, h1…)
    /// separate words.
    /// </summary>
    public static string Snippet(string html, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        return html.Length == 0 ? "" : PlainTextExtractor.Extract(html, maxLength, maxLength, static (text, max) => Cut(text, max));
    }

    private static string Cut(ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text.ToString();
        }
        var keep = maxLength - 1;
        var cut = keep;
        while (cut > 0 && !IsBreak(text, cut))
        {
            cut--;
        }
        if (cut == 0)
        {
            // One word longer than the snippet: cut inside it rather than show nothing.
            cut = keep;
        }
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return string.Concat(text[..cut].TrimEnd(' '), [Ellipsis]);
    }

    /// <summary>Whether text may be cut before <paramref name="index"/>: at a space, or next to a CJK character, which needs none.</summary>
    private static bool IsBreak(ReadOnlySpan<char> text, int index) =>
        text[index] == ' ' || text[index - 1] == ' ' || IsCjk(text[index]) || IsCjk(text[index - 1]);

    /// <summary>Han, kana, CJK punctuation and full-width forms: scripts written without spaces between words.</summary>
    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FFF') or (>= '\u3000' and <= '\u31FF') or (>= '\u3400' and <= '\u4DBF')
            or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
}
