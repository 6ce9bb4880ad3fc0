using System.Text;
using AngleSharp.Html;

namespace Inertia.Feeds.Text;

/// <summary>
/// Character references as browsers read them: the five XML entities, decimal and hexadecimal
/// references, and every named reference of HTML5 (from AngleSharp's table), so that
/// <c>&amp;nbsp;</c> or <c>&amp;eacute;</c> in an XML feed, where they are not defined, still mean what the author meant.
/// </summary>
public static class HtmlEntities
{
    /// <summary>The longest HTML5 entity name (<c>CounterClockwiseContourIntegral</c>) is 31 characters.</summary>
    public const int MaxNameLength = 32;

    /// <summary>Looks up a named reference without its <c>&amp;</c> and <c>;</c>, e.g. <c>eacute</c>.</summary>
    public static string? Lookup(ReadOnlySpan<char> name)
    {
        switch (name)
        {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return "\u00A0";
        }
        if (name.IsEmpty || name.Length > MaxNameLength)
        {
            return null;
        }
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name.ToString() + ";");
        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }

    /// <summary>
    /// The text for a numeric reference, following HTML's rules: 0x80–0x9F mean their windows-1252
    /// characters (a common mistake in feeds), and NUL, surrogates and out-of-range values become nothing
    /// (returns false) so that the caller can warn.
    /// </summary>
    public static bool TryGetNumeric(int codePoint, out string text)
    {
        var known = TryGetNumeric(codePoint, out Rune character);
        text = known ? character.ToString() : "";
        return known;
    }

    /// <summary>Like <see cref="TryGetNumeric(int, out string)"/>, giving the character without making a string of it.</summary>
    internal static bool TryGetNumeric(int codePoint, out Rune character)
    {
        if (codePoint is >= 0x80 and <= 0x9F)
        {
            var mapped = Windows1252High[codePoint - 0x80];
            if (mapped != 0)
            {
                character = new Rune(mapped);
                return true;
            }
        }
        if (codePoint <= 0 || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF || !IsAllowedInText(codePoint))
        {
            character = default;
            return false;
        }
        character = new Rune(codePoint);
        return true;
    }

    /// <summary>
    /// Whether a character may appear in stored text: XML 1.0's Char production without the C0 controls
    /// other than tab, line feed and carriage return, and without U+FFFE/U+FFFF.
    /// </summary>
    public static bool IsAllowedInText(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD
        || codePoint is >= 0x20 and <= 0xD7FF
        || codePoint is >= 0xE000 and <= 0xFFFD
        || codePoint is >= 0x10000 and <= 0x10FFFF;

    // windows-1252 for 0x80..0x9F; 0 where the code page leaves the byte undefined.
    private static readonly ushort[] Windows1252High =
    [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
}
