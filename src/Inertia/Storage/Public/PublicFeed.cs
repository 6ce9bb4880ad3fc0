namespace Inertia.Storage.Public;

/// <summary>A public feed as its page shows it.</summary>
internal sealed record PublicFeed
{
    public long Id { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string? Description { get; init; }
    public string? SiteUrl { get; init; }
    public string? Language { get; init; }

    /// <summary>The version of the feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }

    /// <summary>How many users follow the feed.</summary>
    public long Subscribers { get; init; }
}
