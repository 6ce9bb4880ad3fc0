namespace Inertia.Subscriptions;

/// <summary>
/// The one spelling of a feed URL under which it is stored, so that the same feed reached through
/// trivially different URLs is one feed row: lower-case scheme and host, no default port, no fragment.
/// </summary>
internal static class FeedAddress
{
    public static string Normalize(Uri url)
    {
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant(),
            Fragment = "",
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>Reads what a user typed: a bare host or path without a scheme means https.</summary>
    public static bool TryParse(string? text, out Uri url) => TryParse(text, out url, out _);

    /// <summary>
    /// Reads what a user typed, as <see cref="TryParse(string?, out Uri)"/> does, and says whether it had no scheme:
    /// such an address is worth a second try over plain http when https does not answer.
    /// </summary>
    public static bool TryParse(string? text, out Uri url, out bool schemeless)
    {
        var trimmed = text?.Trim() ?? "";
        schemeless = trimmed.Length > 0 && !trimmed.Contains("://", StringComparison.Ordinal);
        if (schemeless)
        {
            trimmed = "https://" + trimmed;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";
    }

    /// <summary>The same address over plain http (for an address typed without a scheme, after https failed).</summary>
    public static Uri OverHttp(Uri url) =>
        new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Port = url.IsDefaultPort ? -1 : url.Port }.Uri;
}
