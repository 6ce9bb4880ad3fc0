using Inertia.Feeds.Opml;
using Inertia.Refresh;
using Inertia.Rules;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Subscriptions;

namespace Inertia.Importing;

/// <summary>
/// Subscribes a user to every feed of an OPML list, in its folders, without fetching anything: feeds the user
/// already follows stay as they are (their folder and title too), feeds nobody follows get a row of their own,
/// due at once. <c>inertia import</c>, the REST API's import and the web's background import share it, then fetch the new feeds.
/// </summary>
internal sealed class OpmlSubscriber(FeedStore feeds, SubscriptionStore subscriptions, RuleRunner rules, TimeProvider time)
{
    public async Task<IReadOnlyList<SubscribedFeed>> SubscribeAsync(long userId, IReadOnlyList<OpmlFeed> list, Func<SubscribedFeed, Task>? subscribed, CancellationToken cancellationToken)
    {
        var results = new List<SubscribedFeed>(list.Count);
        for (var position = 0; position < list.Count; position++)
        {
            var item = list[position];
            var now = time.GetUtcNow();
            var (feedId, created) = await feeds.GetOrCreateAsync(FeedAddress.Normalize(new Uri(item.FeedUrl)), now, RefreshPolicy.DefaultInterval, cancellationToken: cancellationToken);
            var (_, isNew) = await subscriptions.SubscribeAsync(userId, feedId, item.Folder, item.Title, now, cancellationToken);
            if (isNew && !created)
            {
                // A feed others follow comes with its stored entries, which meet the reader's rules as new ones would.
                await rules.ApplyToNewSubscriptionAsync(userId, feedId, now, cancellationToken);
            }
            var result = new SubscribedFeed(position, feedId, !isNew, created);
            results.Add(result);
            if (subscribed is not null)
            {
                await subscribed(result);
            }
        }
        return results;
    }
}
