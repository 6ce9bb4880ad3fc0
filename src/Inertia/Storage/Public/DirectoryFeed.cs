namespace Inertia.Storage.Public;

/// <summary>A source of the recommended-feeds directory, with the feed it names when that feed is stored.</summary>
internal sealed record DirectoryFeed
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }
    public string? IconUrl { get; init; }
    public required string Category { get; init; }
    public required string Language { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Whether the feed's page and articles are open to everyone.</summary>
    public bool IsPublic { get; init; }

    /// <summary>The stored feed this source names; null until someone subscribed to it.</summary>
    public long? KnownFeedId { get; init; }

    /// <summary>The version of the known feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }

    /// <summary>Whether the user the list was read for follows this feed.</summary>
    public bool IsSubscribed { get; init; }
}
