namespace Inertia.Feeds.Html;

/// <summary>What the sanitizer lets entries embed, for the pages that show them (a Content-Security-Policy's frame-src).</summary>
public static class EmbedPolicy
{
    /// <summary>The origins of the players an iframe in sanitized content may show, as CSP sources ("https://player.vimeo.com").</summary>
    public static IReadOnlyList<string> FrameSources { get; } = EmbedHosts.Allowed.Select(h => "https://" + h.Host).Distinct().ToArray();
}
