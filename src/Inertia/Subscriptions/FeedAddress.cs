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
    public static bool TryParse(string? text, out Uri url)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > 0 && !trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";
    }
}
