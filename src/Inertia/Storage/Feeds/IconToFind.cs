namespace Inertia.Storage.Feeds;

/// <summary>A feed whose site icon is to be looked for.</summary>
internal sealed record IconToFind
{
    public long FeedId { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }

    /// <summary>The site to ask: the feed's home page, else the feed's own origin.</summary>
    public Uri Site => Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) && site.Scheme is "http" or "https"
        ? site
        : new Uri(new Uri(FeedUrl), "/");
}
