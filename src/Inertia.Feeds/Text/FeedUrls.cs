namespace Inertia.Feeds.Text;

/// <summary>Resolution of the relative, protocol-relative and sloppy URLs found in feeds.</summary>
public static class FeedUrls
{
    /// <summary>
    /// Resolves <paramref name="reference"/> against <paramref name="baseUri"/>. Surrounding whitespace and
    /// line breaks inside the reference (common in hand-written feeds) are removed. Returns the reference
    /// unchanged when it is already absolute or when there is no base to resolve it against, and null for
    /// an empty reference or one that cannot be a URL at all.
    /// </summary>
    public static string? Resolve(string? reference, Uri? baseUri)
    {
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
            return absolute.OriginalString;
        }
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            return trimmed;
        }
        return Uri.TryCreate(baseUri, trimmed, out var resolved) ? resolved.AbsoluteUri : trimmed;
    }

    /// <summary>Makes a base URI from a feed-supplied string, resolved against an outer base; null when it is not usable.</summary>
    public static Uri? ToBase(string? reference, Uri? outerBase)
    {
        var resolved = Resolve(reference, outerBase);
        return resolved is not null && Uri.TryCreate(resolved, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : outerBase;
    }

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
