using Inertia.Storage.Feeds;

namespace Inertia.Storage.Subscriptions;

/// <summary>A subscribed feed's fetch state, for its status page.</summary>
internal sealed record FeedStatus
{
    public required SubscriptionSummary Subscription { get; init; }
    public required FeedRecord Feed { get; init; }
    public long EntryCount { get; init; }
    public string? FolderTitle { get; init; }
}
