namespace Inertia.Storage.Subscriptions;

/// <summary>A user's subscription, with the feed's title when the user has not given one.</summary>
internal sealed record Subscription
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public long FeedId { get; init; }
    public long? FolderId { get; init; }
    public string? FolderTitle { get; init; }
    public required string Title { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }
}
