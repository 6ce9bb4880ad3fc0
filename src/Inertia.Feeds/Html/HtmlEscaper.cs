using System.Buffers;

namespace Inertia.Feeds.Html;

/// <summary>
/// Writes text and attribute values so that they can only ever be read back as the same characters: markup
/// characters are escaped, and NUL and the other characters XML and HTML forbid are removed.
/// </summary>
internal static class HtmlEscaper
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(
        "&<>\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(
        "&<>\"\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    public static void WriteText(ReadOnlySpan<char> text, CharBuffer output) => Write(text, TextSpecials, output);

    public static void WriteAttributeValue(ReadOnlySpan<char> value, CharBuffer output) => Write(value, AttributeSpecials, output);

    private static void Write(ReadOnlySpan<char> text, SearchValues<char> specials, CharBuffer output)
    {
        while (true)
        {
            var at = text.IndexOfAny(specials);
            if (at < 0)
            {
                output.Append(text);
                return;
            }
            output.Append(text[..at]);
            switch (text[at])
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '"':
                    output.Append("&quot;");
                    break;
                case '\f':
                    // Form feed is whitespace to HTML but forbidden in XML: keep the word break, lose the character.
                    output.Append(' ');
                    break;
            }
            text = text[(at + 1)..];
        }
    }
}
