using Inertia.Fetching;

namespace Inertia.Subscriptions;

/// <summary>How a subscription request ended.</summary>
internal enum SubscribeStatus
{
    /// <summary>Subscribed (or already subscribed); the feed's entries are stored.</summary>
    Subscribed,
    /// <summary>The address offers several feeds; subscribe again with one of <see cref="SubscribeResult.Choices"/>.</summary>
    ChooseOne,
    /// <summary>No feed could be subscribed to; <see cref="SubscribeResult.Message"/> says why.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="SubscriptionService.SubscribeAsync"/>.</summary>
internal sealed record SubscribeResult(SubscribeStatus Status, long? SubscriptionId = null, long? FeedId = null, string? Title = null, int NewEntries = 0, bool AlreadySubscribed = false,
    IReadOnlyList<DiscoveredFeed>? Choices = null, string? Message = null)
{
    public static SubscribeResult Failed(string message) => new(SubscribeStatus.Failed, Message: message);
}
