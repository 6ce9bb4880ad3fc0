namespace Inertia.Feeds.Text;

/// <summary>
/// Resolution of the relative, protocol-relative and sloppy URLs found in feeds, and the one rule every URL
/// field of the model obeys: it is an absolute http or https URL, or it is left out.
/// </summary>
public static class FeedUrls
{
    /// <summary>
    /// Resolves <paramref name="reference"/> against <paramref name="baseUri"/>. Surrounding whitespace and
    /// line breaks inside the reference (common in hand-written feeds) are removed. Returns the absolute
    /// http or https URL, or null: for an empty reference, one that cannot be a URL, one with another scheme
    /// (<c>javascript:</c>, <c>data:</c>, <c>file:</c>…), or a relative one with no http or https base to
    /// resolve it against.
    /// </summary>
    public static string? Resolve(string? reference, Uri? baseUri) => Resolve(reference, baseUri, allowMailto: false, out _);

    /// <summary>
    /// Like <see cref="Resolve(string?, Uri?)"/>, recording in <paramref name="warnings"/> why a URL the feed
    /// gave was left out. <paramref name="allowMailto"/> also keeps <c>mailto:</c> URLs (a person's address).
    /// </summary>
    internal static string? Resolve(string? reference, Uri? baseUri, Warnings warnings, int offset = -1, bool allowMailto = false)
    {
        var resolved = Resolve(reference, baseUri, allowMailto, out var refusal);
        if (refusal is not null)
        {
            warnings.Add(refusal, offset);
        }
        return resolved;
    }

    /// <summary>Makes a base URI from a feed-supplied string, resolved against an outer base; the outer base when it is not usable.</summary>
    public static Uri? ToBase(string? reference, Uri? outerBase) =>
        Resolve(reference, outerBase) is { } resolved && Uri.TryCreate(resolved, UriKind.Absolute, out var uri) ? uri : outerBase;

    private static string? Resolve(string? reference, Uri? baseUri, bool allowMailto, out string? refusal)
    {
        refusal = null;
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }
        var trimmed = Clean(reference);
        if (trimmed.Length == 0)
        {
            return null;
        }
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && IsRealScheme(absolute, trimmed))
        {
            if (IsWeb(absolute) || (allowMailto && absolute.Scheme == Uri.UriSchemeMailto))
            {
                return absolute.OriginalString;
            }
            refusal = $"a {absolute.Scheme}: URL was left out (only http and https URLs are kept)";
            return null;
        }
        if (baseUri is null || !IsWeb(baseUri))
        {
            // A protocol-relative reference with no page to inherit a scheme from gets the secure one, as in content.
            if (trimmed.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("https:" + trimmed, UriKind.Absolute, out var secure))
            {
                return secure.AbsoluteUri;
            }
            refusal = "a relative URL was left out: there is no xml:base, site link or document address to resolve it against";
            return null;
        }
        if (Uri.TryCreate(baseUri, trimmed, out var resolved) && IsWeb(resolved))
        {
            return resolved.AbsoluteUri;
        }
        refusal = "a URL that could not be resolved was left out";
        return null;
    }

    private static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && uri.Scheme is "http" or "https";

    private static string Clean(string reference)
    {
        var trimmed = reference.Trim();
        return trimmed.AsSpan().ContainsAny('\n', '\r', '\t')
            ? string.Concat(trimmed.Split(['\n', '\r', '\t'], StringSplitOptions.TrimEntries))
            : trimmed;
    }

    // On Unix, Uri treats "/path" as an absolute file: URI; a feed means a path on its own site.
    private static bool IsRealScheme(Uri uri, string original) =>
        !uri.IsFile || original.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
