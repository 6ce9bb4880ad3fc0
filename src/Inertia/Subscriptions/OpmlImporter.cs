using Inertia.Feeds.Opml;
using Inertia.Refresh;
using Inertia.Storage;

namespace Inertia.Subscriptions;

/// <summary>
/// Subscribes a user to every feed of an OPML document, keeping its folders and titles, without fetching:
/// feeds new to Inertia are due at once, for whoever refreshes next (the caller, or serve's scheduler).
/// </summary>
internal sealed class OpmlImporter(FeedStore feeds, SubscriptionStore subscriptions)
{
    /// <summary>How many subscriptions were added, and the ids of the feeds Inertia did not know before.</summary>
    public async Task<(int Added, IReadOnlyList<long> NewFeeds)> ImportAsync(long userId, OpmlDocument opml, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newFeeds = new List<long>();
        var added = 0;
        foreach (var item in opml.Feeds)
        {
            var (feedId, created) = await feeds.GetOrCreateAsync(FeedAddress.Normalize(new Uri(item.FeedUrl)), now, RefreshPolicy.DefaultInterval, cancellationToken: cancellationToken);
            var (_, subscribed) = await subscriptions.SubscribeAsync(userId, feedId, item.Folder, item.Title, now, cancellationToken);
            added += subscribed ? 1 : 0;
            if (created)
            {
                newFeeds.Add(feedId);
            }
        }
        return (added, newFeeds);
    }
}
