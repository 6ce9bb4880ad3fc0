using System.Buffers;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Html;

/// <summary>
/// Turns a feed-supplied URL into one that is safe to put in a page, or rejects it. The value has its character
/// references decoded already; this removes what browsers ignore when they read a URL (surrounding control
/// characters and spaces, tabs and line breaks anywhere) and the other control characters, so that
/// "jav&amp;#x09;ascript:" or "java\0script:" show their real scheme; resolves relative and protocol-relative
/// references against the base; and allows only the schemes of <see cref="UrlUse"/>.
/// </summary>
internal static class SafeUrls
{
    private const string C0Controls =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";

    // What the URL parser strips from both ends of a URL.
    private const string C0ControlsAndSpace = C0Controls + " ";

    // Tabs and line breaks the URL parser removes anywhere, with the other controls, which have no business in a URL.
    private static readonly SearchValues<char> Controls = SearchValues.Create(C0Controls + "\u007F");

    private static readonly SearchValues<char> SchemeEnd = SearchValues.Create(":/?#");

    private static readonly SearchValues<char> Base64 =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private static readonly string[] DataImagePrefixes =
    [
        "data:image/png;base64,", "data:image/gif;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,",
        "data:image/avif;base64,",
    ];

    /// <summary>Appends the safe, absolute form of <paramref name="url"/>; returns false, having appended nothing, when it has none.</summary>
    public static bool TryAppend(ReadOnlySpan<char> url, UrlUse use, Uri? baseUri, CharBuffer output)
    {
        var start = output.Length;
        AppendCleaned(url.Trim(C0ControlsAndSpace), output);
        var cleaned = output.AsSpan(start);
        if (cleaned.IsEmpty)
        {
            return false;
        }
        var schemeEnd = cleaned.IndexOfAny(SchemeEnd);
        if (schemeEnd >= 0 && cleaned[schemeEnd] == ':' && IsScheme(cleaned[..schemeEnd]))
        {
            if (IsAllowed(cleaned, cleaned[..schemeEnd], use))
            {
                return true;
            }
            output.Length = start;
            return false;
        }
        return TryAppendResolved(start, baseUri, output);
    }

    private static void AppendCleaned(ReadOnlySpan<char> url, CharBuffer output)
    {
        while (true)
        {
            var control = url.IndexOfAny(Controls);
            if (control < 0)
            {
                output.Append(url);
                return;
            }
            output.Append(url[..control]);
            url = url[(control + 1)..];
        }
    }

    /// <summary>Replaces the relative reference written at <paramref name="start"/> with its absolute http(s) form.</summary>
    private static bool TryAppendResolved(int start, Uri? baseUri, CharBuffer output)
    {
        var reference = output.AsSpan(start).ToString();
        output.Length = start;
        if (baseUri is null)
        {
            // A protocol-relative reference with no page to inherit a scheme from gets the secure one.
            if (reference.StartsWith("//", StringComparison.Ordinal))
            {
                output.Append("https:");
                output.Append(reference);
                return true;
            }
            return false;
        }
        var resolved = FeedUrls.Resolve(reference, baseUri);
        if (resolved is null || resolved.AsSpan().ContainsAny(Controls))
        {
            return false;
        }
        output.Append(resolved);
        return true;
    }

    private static bool IsAllowed(ReadOnlySpan<char> url, ReadOnlySpan<char> scheme, UrlUse use)
    {
        if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return use switch
        {
            UrlUse.Link => scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase),
            UrlUse.Image => IsRasterDataImage(url),
            _ => false,
        };
    }

    private static bool IsRasterDataImage(ReadOnlySpan<char> url)
    {
        foreach (var prefix in DataImagePrefixes)
        {
            if (url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return !url[prefix.Length..].ContainsAnyExcept(Base64);
            }
        }
        return false;
    }

    /// <summary>RFC 3986: a letter, then letters, digits, "+", "-" and ".".</summary>
    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}
