namespace Inertia.Storage.Subscriptions;

/// <summary>A feed as one of its subscribers sees it: their title and folder, its fetch state, their counts.</summary>
internal sealed record SubscribedFeed
{
    public long FeedId { get; init; }
    public long? FolderId { get; init; }
    public string? FolderTitle { get; init; }
    public required string Title { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }
    public DateTimeOffset? LastFetchedAt { get; init; }
    public DateTimeOffset NextCheckAt { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public int ErrorCount { get; init; }
    public string? LastError { get; init; }
    public bool IsGone { get; init; }

    /// <summary>The version of the feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }
    public int UnreadCount { get; init; }
    public int StarredCount { get; init; }
}
