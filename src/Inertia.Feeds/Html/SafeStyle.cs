using System.Buffers;

namespace Inertia.Feeds.Html;

/// <summary>
/// The style attribute, reduced to a few typographic properties with plain keyword or number values. A value may
/// hold only letters, digits, spaces, "-", ".", "%" and "#", which leaves no room for url(), expression(),
/// escapes, comments, at-rules, strings or "!important"; anything else drops the declaration, and the properties
/// that could move or cover the page (position, margins, sizes, backgrounds…) are never kept.
/// </summary>
internal static class SafeStyle
{
    private const int MaxValueLength = 64;

    private static readonly string[] Properties =
        ["text-align", "font-weight", "font-style", "text-decoration", "vertical-align", "white-space", "list-style-type"];

    private static readonly SearchValues<char> ValueCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.%#");

    /// <summary>Appends the allowed declarations as "name: value; name: value"; returns false, having appended nothing, when none is left.</summary>
    public static bool TryAppend(ReadOnlySpan<char> style, CharBuffer output)
    {
        var start = output.Length;
        foreach (var range in style.Split(';'))
        {
            var declaration = style[range];
            var colon = declaration.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            var property = declaration[..colon].Trim(" \t\n\r\f");
            var value = declaration[(colon + 1)..].Trim(" \t\n\r\f");
            var name = Find(property);
            if (name is null || value.IsEmpty || value.Length > MaxValueLength || value.ContainsAnyExcept(ValueCharacters))
            {
                continue;
            }
            if (output.Length > start)
            {
                output.Append("; ");
            }
            output.Append(name);
            output.Append(": ");
            foreach (var c in value)
            {
                output.Append(char.ToLowerInvariant(c));
            }
        }
        return output.Length > start;
    }

    private static string? Find(ReadOnlySpan<char> property)
    {
        foreach (var name in Properties)
        {
            if (property.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        return null;
    }
}
