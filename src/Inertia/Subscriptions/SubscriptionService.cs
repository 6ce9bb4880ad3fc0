using Inertia.Fetching;
using Inertia.Refresh;
using Inertia.Rules;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;

namespace Inertia.Subscriptions;

/// <summary>
/// Subscribing a user to a feed from any address: a feed's own URL or a web page that links to feeds.
/// A feed followed by anyone already is subscribed to directly; otherwise discovery finds it, and the
/// feed's first entries are stored from that very fetch, so they are there when subscribing returns. Either way the
/// reader's rules act on the entries they get (a new feed's in its first merge, a known feed's right after subscribing).
/// An address typed without a scheme ("blog.example.com/feed") is tried over https, then over http.
/// </summary>
internal sealed class SubscriptionService(FeedDiscovery discovery, FeedStore feeds, SubscriptionStore subscriptions, RefreshStore refreshStore, RefreshPolicy policy, RuleRunner rules, TimeProvider time)
{
    private static readonly TimeSpan FirstFetchLease = TimeSpan.FromMinutes(2);

    public async Task<SubscribeResult> SubscribeAsync(long userId, string address, string? folder, string? title, CancellationToken cancellationToken)
    {
        if (!FeedAddress.TryParse(address, out var url, out var schemeless))
        {
            return SubscribeResult.Failed($"\"{address}\" is not a web address (http or https).");
        }
        // An address typed without a scheme is tried over https first, then over plain http; each try is an
        // ordinary fetch, so the address guard decides about both.
        Uri[] tries = schemeless ? [url, FeedAddress.OverHttp(url)] : [url];
        foreach (var candidate in tries)
        {
            if (await feeds.FindByUrlAsync(FeedAddress.Normalize(candidate), cancellationToken) is { } known)
            {
                var (id, created) = await SubscribeKnownAsync(userId, known.Id, folder, title, cancellationToken);
                return new SubscribeResult(SubscribeStatus.Subscribed, id, known.Id, title ?? known.Title, AlreadySubscribed: !created);
            }
        }
        var failures = new List<string>();
        foreach (var candidate in tries)
        {
            DiscoveryResult found;
            try
            {
                found = await discovery.DiscoverAsync(candidate, cancellationToken);
            }
            catch (FetchException e)
            {
                failures.Add(e.Message);
                if (e.Failure == FetchFailure.AddressRefused)
                {
                    // The guard refuses the host, whatever the scheme.
                    break;
                }
                continue;
            }
            if (!found.Found)
            {
                failures.Add(found.Message ?? $"No feed found at {candidate}.");
                continue;
            }
            if (found.Feeds.Count > 1)
            {
                return new SubscribeResult(SubscribeStatus.ChooseOne, Choices: found.Feeds, Message: $"{candidate} offers {found.Feeds.Count} feeds; choose one.");
            }
            return await SubscribeDiscoveredAsync(userId, found.Feeds[0], folder, title, cancellationToken);
        }
        return SubscribeResult.Failed(failures.Count == tries.Length && tries.Length > 1
            ? $"\"{address.Trim()}\" gave no feed over https or http. {tries[0]}: {failures[0]} {tries[1]}: {failures[1]}"
            : failures[0]);
    }

    private async Task<SubscribeResult> SubscribeDiscoveredAsync(long userId, DiscoveredFeed discovered, string? folder, string? title, CancellationToken cancellationToken)
    {
        // The feed may be stored already under the address it gives for itself, or the one discovery ended at.
        var candidates = new[] { discovered.Url.AbsoluteUri, discovered.Feed.FeedUrl }
            .Where(u => u is not null && Uri.IsWellFormedUriString(u, UriKind.Absolute))
            .Select(u => FeedAddress.Normalize(new Uri(u!)))
            .Distinct();
        foreach (var candidate in candidates)
        {
            if (await feeds.FindByUrlAsync(candidate, cancellationToken) is { } existing)
            {
                var (existingSubscription, isNew) = await SubscribeKnownAsync(userId, existing.Id, folder, title, cancellationToken);
                return new SubscribeResult(SubscribeStatus.Subscribed, existingSubscription, existing.Id, title ?? existing.Title ?? discovered.Title, AlreadySubscribed: !isNew);
            }
        }
        var now = time.GetUtcNow();
        // A new feed is born claimed by this subscription, so that its first entries come from this very
        // fetch and no worker fetches it meanwhile; a feed someone created just now is theirs to fill.
        var (feedId, created) = await feeds.GetOrCreateAsync(FeedAddress.Normalize(discovered.Url), now, RefreshPolicy.DefaultInterval, new FeedClaim(ClaimOwner, FirstFetchLease), cancellationToken);
        var (subscriptionId, _) = await subscriptions.SubscribeAsync(userId, feedId, folder, title, now, cancellationToken);
        var newEntries = 0;
        if (created)
        {
            var interval = policy.IntervalFor(discovered.Feed, discovered.Response.MaxAge, now);
            var change = new FetchStateChange
            {
                FetchedAt = now,
                Status = discovered.Response.StatusCode,
                Succeeded = true,
                Etag = discovered.Response.ETag,
                LastModified = discovered.Response.LastModified,
                BodyHash = discovered.Response.BodySha256,
                NextCheckAt = now + interval,
                CheckIntervalSeconds = (int)interval.TotalSeconds,
            };
            newEntries = (await refreshStore.CompleteAsync(feedId, ClaimOwner, change, discovered.Feed, cancellationToken))?.Inserted ?? 0;
        }
        return new SubscribeResult(SubscribeStatus.Subscribed, subscriptionId, feedId, title ?? discovered.Title, newEntries);
    }

    /// <summary>Subscribes to a feed already stored; the entries the reader gets with it meet the reader's rules.</summary>
    private async Task<(long Id, bool Created)> SubscribeKnownAsync(long userId, long feedId, string? folder, string? title, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscribed = await subscriptions.SubscribeAsync(userId, feedId, folder, title, now, cancellationToken);
        if (subscribed.Created)
        {
            await rules.ApplyToNewSubscriptionAsync(userId, feedId, now, cancellationToken);
        }
        return subscribed;
    }

    private static readonly string ClaimOwner = $"subscribe:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
