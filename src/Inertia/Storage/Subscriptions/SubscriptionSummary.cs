namespace Inertia.Storage.Subscriptions;

/// <summary>A subscription as the reader's sidebar and subscription list show it: with its unread count and health.</summary>
internal sealed record SubscriptionSummary
{
    public long FeedId { get; init; }
    public long? FolderId { get; init; }
    public required string Title { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }
    public int UnreadCount { get; init; }
    public int StarredCount { get; init; }
    /// <summary>The version of the feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }
    public int ErrorCount { get; init; }
    public bool IsGone { get; init; }

    /// <summary>Whether the last fetch failed or the feed is gone.</summary>
    public bool HasProblem => ErrorCount > 0 || IsGone;
}
