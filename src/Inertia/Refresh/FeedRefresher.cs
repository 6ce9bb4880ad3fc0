using Inertia.Feeds;
using Inertia.Fetching;
using Inertia.Storage.Feeds;

namespace Inertia.Refresh;

/// <summary>
/// Refreshes one claimed feed: a conditional GET, then, depending on the answer, nothing more (304, or a
/// body identical to the last one), a parse and merge, or a recorded failure with backoff. Each outcome is
/// recorded with the claim released; a claim lost to another worker meanwhile records nothing.
/// </summary>
internal sealed class FeedRefresher(HttpFetcher fetcher, RefreshStore store, RefreshPolicy policy, TimeProvider time)
{
    private readonly FeedParser _parser = FeedParser.Default;

    public async Task<RefreshOutcome> RefreshAsync(FeedToFetch feed, string owner, CancellationToken cancellationToken)
    {
        FetchResult response;
        try
        {
            response = await fetcher.FetchAsync(new Uri(feed.Url), new FetchValidators(feed.Etag, feed.LastModified), cancellationToken);
        }
        catch (FetchException e)
        {
            return await FailAsync(feed, owner, e.Message, status: null, retryAfter: null, cancellationToken);
        }
        catch (UriFormatException)
        {
            return await FailAsync(feed, owner, $"The feed address \"{feed.Url}\" is not a valid URL.", status: null, retryAfter: null, cancellationToken);
        }

        if (response.IsNotModified)
        {
            return await KeepAsync(feed, owner, response, RefreshResult.NotModified, cancellationToken);
        }
        if (response.IsGone)
        {
            return await GoneAsync(feed, owner, response, cancellationToken);
        }
        if (!response.IsSuccess)
        {
            return await FailAsync(feed, owner, response.Description, response.StatusCode, response.RetryAfter, cancellationToken);
        }
        if (response.BodySha256 is not null && response.BodySha256 == feed.BodyHash)
        {
            return await KeepAsync(feed, owner, response, RefreshResult.Unchanged, cancellationToken);
        }

        Feed parsed;
        try
        {
            parsed = _parser.Parse(response.Body.Span, response.ContentType, response.FinalUrl);
        }
        catch (FeedParseException e)
        {
            return await FailAsync(feed, owner, $"The address did not give a readable feed: {e.Message}", response.StatusCode, null, cancellationToken);
        }
        var now = time.GetUtcNow();
        var interval = policy.IntervalFor(parsed, response.MaxAge, now);
        var change = new FetchStateChange
        {
            FetchedAt = now,
            Status = response.StatusCode,
            Succeeded = true,
            Etag = response.ETag,
            LastModified = response.LastModified,
            BodyHash = response.BodySha256,
            NextCheckAt = now + interval,
            CheckIntervalSeconds = (int)interval.TotalSeconds,
            MovedTo = MovedTo(feed, response),
        };
        var merged = await store.CompleteAsync(feed.Id, owner, change, parsed, cancellationToken);
        return merged is { } result
            ? new RefreshOutcome(feed.Id, feed.Url, RefreshResult.Updated, result.Inserted, result.Updated, null, change.NextCheckAt) { InRules = result.InRules }
            : Lost(feed, change);
    }

    /// <summary>Nothing new: the stored interval stands, and the validators are refreshed.</summary>
    private async Task<RefreshOutcome> KeepAsync(FeedToFetch feed, string owner, FetchResult response, RefreshResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(Math.Max(feed.CheckIntervalSeconds, (int)policy.Minimum.TotalSeconds));
        var change = new FetchStateChange
        {
            FetchedAt = now,
            Status = response.StatusCode,
            Succeeded = true,
            Etag = response.ETag ?? feed.Etag,
            LastModified = response.LastModified ?? feed.LastModified,
            NextCheckAt = now + interval,
            CheckIntervalSeconds = (int)interval.TotalSeconds,
            // The new address answered with the very feed known here (304, or the same bytes): it serves it.
            MovedTo = MovedTo(feed, response),
        };
        return await store.CompleteAsync(feed.Id, owner, change, null, cancellationToken) is null
            ? Lost(feed, change)
            : new RefreshOutcome(feed.Id, feed.Url, result, 0, 0, null, change.NextCheckAt);
    }

    /// <summary>Records a failure that is not the feed's fault (a bug, data the database refuses), with the usual backoff.</summary>
    public Task<RefreshOutcome> RecordInternalErrorAsync(FeedToFetch feed, string owner, Exception error, CancellationToken cancellationToken) =>
        FailAsync(feed, owner, $"Internal error while refreshing: {error.Message}", status: null, retryAfter: null, cancellationToken);

    private static string? MovedTo(FeedToFetch feed, FetchResult response) =>
        response.IsPermanentRedirect && response.FinalUrl.AbsoluteUri != feed.Url ? response.FinalUrl.AbsoluteUri : null;

    private async Task<RefreshOutcome> GoneAsync(FeedToFetch feed, string owner, FetchResult response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = response.Description + " Inertia stopped checking it; unsubscribe, or subscribe to its new address.";
        var change = new FetchStateChange
        {
            FetchedAt = now,
            Status = response.StatusCode,
            Error = message,
            IsGone = true,
            NextCheckAt = now + policy.Maximum,
            CheckIntervalSeconds = (int)policy.Maximum.TotalSeconds,
        };
        return await store.CompleteAsync(feed.Id, owner, change, null, cancellationToken) is null
            ? Lost(feed, change)
            : new RefreshOutcome(feed.Id, feed.Url, RefreshResult.Gone, 0, 0, message, change.NextCheckAt);
    }

    private async Task<RefreshOutcome> FailAsync(FeedToFetch feed, string owner, string error, int? status, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wait = policy.Backoff(feed.ErrorCount + 1, retryAfter, Random.Shared);
        var change = new FetchStateChange
        {
            FetchedAt = now,
            Status = status,
            Error = error,
            NextCheckAt = now + wait,
            CheckIntervalSeconds = feed.CheckIntervalSeconds,
        };
        return await store.CompleteAsync(feed.Id, owner, change, null, cancellationToken) is null
            ? Lost(feed, change)
            : new RefreshOutcome(feed.Id, feed.Url, RefreshResult.Failed, 0, 0, error, change.NextCheckAt);
    }

    private static RefreshOutcome Lost(FeedToFetch feed, FetchStateChange change) =>
        new(feed.Id, feed.Url, RefreshResult.LostClaim, 0, 0, "Another worker took this feed over; nothing was recorded.", change.NextCheckAt);
}
