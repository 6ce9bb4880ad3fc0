using System.Buffers;

namespace Inertia.Feeds.Xml;

/// <summary>
/// Character-level rules shared by the tree builder and by text extraction, so that both agree on what is
/// markup and what is a stray '&lt;' in text.
/// </summary>
internal static class XmlLexing
{
    /// <summary>Characters that end a run of plain text: references, and characters XML does not allow.</summary>
    public static readonly SearchValues<char> TextSpecials = SearchValues.Create(
        "&\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    public static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\r\n/>=<\"'");

    public static bool IsNameStartChar(char c) =>
        char.IsAsciiLetter(c) || c == '_' || (c >= 0x80 && (char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.LetterNumber));

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Whether the '&lt;' at <paramref name="i"/> opens markup rather than being a stray '&lt;' in text ("a &lt; b", "x&lt;3").</summary>
    public static bool StartsMarkup(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length)
        {
            return false;
        }
        var c = s[i + 1];
        return c switch
        {
            '/' => i + 2 < s.Length && IsNameStartChar(s[i + 2]),
            '!' or '?' => true,
            _ => IsNameStartChar(c),
        };
    }

    /// <summary>
    /// The offset of the '&gt;' that ends the tag starting at <paramref name="from"/>, honouring quoted attribute
    /// values; -1 when the document ends first. A quote that runs into a '&lt;' is taken as unterminated (XML
    /// forbids '&lt;' in attribute values) so that one broken attribute cannot swallow the rest of the document.
    /// </summary>
    public static int FindTagEnd(ReadOnlySpan<char> s, int from)
    {
        var i = from;
        while (i < s.Length)
        {
            var k = s[i..].IndexOfAny('>', '"', '\'');
            if (k < 0)
            {
                return -1;
            }
            i += k;
            if (s[i] == '>')
            {
                return i;
            }
            var close = QuotedValueEnd(s, i);
            i = close < 0 ? i + 1 : close + 1;
        }
        return -1;
    }

    /// <summary>The offset of the quote closing the value opened at <paramref name="open"/>, or -1 when it is unterminated.</summary>
    public static int QuotedValueEnd(ReadOnlySpan<char> s, int open)
    {
        var rest = s[(open + 1)..];
        var close = rest.IndexOf(s[open]);
        var lt = rest.IndexOf('<');
        if (close < 0 || (lt >= 0 && lt < close))
        {
            return -1;
        }
        return open + 1 + close;
    }
}
