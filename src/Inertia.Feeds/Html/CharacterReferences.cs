using System.Collections.Frozen;
using System.Text;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Html;

/// <summary>
/// Decodes character references as an HTML5 parser does: named references need their semicolon except the legacy
/// ones (<c>&amp;copy 2024</c>), which inside an attribute value stay literal before "=" or a letter or digit (so
/// that <c>?a=1&amp;copy=2</c> survives); numeric references follow <see cref="HtmlEntities.TryGetNumeric(int, out Rune)"/>.
/// </summary>
internal static class CharacterReferences
{
    // The named references HTML5 also recognizes without a semicolon (WHATWG entities.json).
    private static readonly FrozenDictionary<string, string> Legacy = BuildLegacy(
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
        "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
        "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
        "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
        "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
        "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
        "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
        "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
        "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml");

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LegacyLookup =
        Legacy.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int LongestLegacyName = 6;

    /// <summary>Appends <paramref name="raw"/> with its character references decoded.</summary>
    public static void Decode(ReadOnlySpan<char> raw, bool inAttribute, CharBuffer output)
    {
        while (true)
        {
            var amp = raw.IndexOf('&');
            if (amp < 0)
            {
                output.Append(raw);
                return;
            }
            output.Append(raw[..amp]);
            raw = raw[amp..];
            var consumed = DecodeOne(raw, inAttribute, output);
            if (consumed == 0)
            {
                output.Append('&');
                consumed = 1;
            }
            raw = raw[consumed..];
        }
    }

    /// <summary>Decodes the reference at the start of <paramref name="text"/> (which starts with '&amp;'); returns the characters consumed, 0 when it is not one.</summary>
    private static int DecodeOne(ReadOnlySpan<char> text, bool inAttribute, CharBuffer output)
    {
        if (text.Length < 2)
        {
            return 0;
        }
        return text[1] == '#' ? DecodeNumeric(text, output) : DecodeNamed(text, inAttribute, output);
    }

    private static int DecodeNumeric(ReadOnlySpan<char> text, CharBuffer output)
    {
        var i = 2;
        var hex = i < text.Length && text[i] is 'x' or 'X';
        if (hex)
        {
            i++;
        }
        var digitsStart = i;
        var value = 0;
        for (; i < text.Length; i++)
        {
            var digit = HexValue(text[i]);
            if (digit < 0 || (!hex && digit > 9))
            {
                break;
            }
            // Saturate: anything past U+10FFFF is invalid whatever its exact size.
            value = Math.Min(value * (hex ? 16 : 10) + digit, 0x110000);
        }
        if (i == digitsStart)
        {
            return 0;
        }
        if (i < text.Length && text[i] == ';')
        {
            i++;
        }
        if (HtmlEntities.TryGetNumeric(value, out Rune decoded))
        {
            Span<char> chars = stackalloc char[2];
            output.Append(chars[..decoded.EncodeToUtf16(chars)]);
        }
        return i;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static int DecodeNamed(ReadOnlySpan<char> text, bool inAttribute, CharBuffer output)
    {
        var end = 1;
        while (end < text.Length && end <= HtmlEntities.MaxNameLength + 1 && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }
        var name = text[1..end];
        if (name.IsEmpty)
        {
            return 0;
        }
        if (end < text.Length && text[end] == ';' && HtmlEntities.Lookup(name) is { } full)
        {
            output.Append(full);
            return end + 1;
        }
        for (var length = Math.Min(name.Length, LongestLegacyName); length > 1; length--)
        {
            if (!LegacyLookup.TryGetValue(name[..length], out var value))
            {
                continue;
            }
            var after = length + 1;
            if (inAttribute && after < text.Length && (text[after] == '=' || char.IsAsciiLetterOrDigit(text[after])))
            {
                return 0;
            }
            output.Append(value);
            return after;
        }
        return 0;
    }

    private static FrozenDictionary<string, string> BuildLegacy(params string[] names)
    {
        var table = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
        {
            table[name] = HtmlEntities.Lookup(name) ?? throw new InvalidOperationException($"No HTML5 entity named {name}.");
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
