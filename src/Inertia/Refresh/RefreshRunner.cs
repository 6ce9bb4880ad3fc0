using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Inertia.Storage;
using Microsoft.Extensions.Logging;

namespace Inertia.Refresh;

/// <summary>How many feeds are fetched at once, in all and per host, and how long a claim lasts.</summary>
internal sealed record RefreshOptions
{
    public int Workers { get; init; } = Math.Max(8, Environment.ProcessorCount * 8);

    public int PerHost { get; init; } = 2;

    /// <summary>How long a claim holds before another worker may take the feed (a dead worker's claims expire).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    public RefreshPolicy Policy { get; init; } = new();
}

/// <summary>
/// Runs refresh rounds: claims due feeds a few at a time, just ahead of the workers, and refreshes them
/// concurrently within the global and per-host limits until none is due. A slow feed holds up only its own
/// worker, and a failure of any kind is recorded against its feed and never ends the round. The background
/// scheduler and <c>inertia refresh</c> share it.
/// </summary>
internal sealed partial class RefreshRunner(RefreshStore store, FeedRefresher refresher, RefreshOptions options, TimeProvider time, ILogger<RefreshRunner> log)
{
    private readonly HostLimiter _hosts = new(options.PerHost);

    /// <summary>Identifies this process's claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Refreshes every due feed; <paramref name="progress"/> hears of each one as it finishes.</summary>
    public Task<int> RunRoundAsync(Action<RefreshOutcome>? progress, CancellationToken cancellationToken) =>
        RunAsync(async (queue, token) =>
        {
            while (true)
            {
                var claimed = await store.ClaimDueAsync(Owner, time.GetUtcNow(), options.Lease, options.Workers, token);
                if (claimed.Count == 0)
                {
                    return;
                }
                foreach (var feed in claimed)
                {
                    await queue.WriteAsync(feed, token);
                }
            }
        }, progress, cancellationToken);

    /// <summary>Refreshes the given feeds now, due or not; a feed another worker holds is skipped.</summary>
    public Task<int> RunNowAsync(IEnumerable<long> feedIds, Action<RefreshOutcome>? progress, CancellationToken cancellationToken) =>
        RunAsync(async (queue, token) =>
        {
            foreach (var id in feedIds)
            {
                if (await store.ClaimAsync(id, Owner, time.GetUtcNow(), options.Lease, token) is { } feed)
                {
                    await queue.WriteAsync(feed, token);
                }
            }
        }, progress, cancellationToken);

    private async Task<int> RunAsync(Func<ChannelWriter<FeedToFetch>, CancellationToken, Task> claim, Action<RefreshOutcome>? progress, CancellationToken cancellationToken)
    {
        // Claims wait here only briefly: the queue holds no more than the workers can start next.
        var queue = Channel.CreateBounded<FeedToFetch>(options.Workers);
        var done = 0;
        var workers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var feed in queue.Reader.ReadAllAsync(cancellationToken))
            {
                progress?.Invoke(await RefreshOneAsync(feed, cancellationToken));
                Interlocked.Increment(ref done);
            }
        }, cancellationToken)).ToList();
        Exception? claimFailure = null;
        try
        {
            await claim(queue.Writer, cancellationToken);
        }
        catch (Exception e)
        {
            claimFailure = e;
        }
        // Whatever happened to claiming, the feeds already claimed are finished (or released) before returning.
        queue.Writer.Complete();
        await Task.WhenAll(workers);
        if (claimFailure is not null)
        {
            ExceptionDispatchInfo.Throw(claimFailure);
        }
        return done;
    }

    private async Task<RefreshOutcome> RefreshOneAsync(FeedToFetch feed, CancellationToken cancellationToken)
    {
        try
        {
            using (await _hosts.EnterAsync(feed.Url, cancellationToken))
            {
                return await refresher.RefreshAsync(feed, Owner, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseQuietlyAsync(feed);
            throw;
        }
        catch (Exception e)
        {
            // A bug or a database outage: this feed's claim is given back (it would expire anyway) and the round goes on.
            LogUnexpectedFailure(log, e, feed.Id, feed.Url);
            await ReleaseQuietlyAsync(feed);
            return new RefreshOutcome(feed.Id, feed.Url, RefreshResult.Failed, 0, 0, $"Internal error while refreshing: {e.Message}", time.GetUtcNow());
        }
    }

    private async Task ReleaseQuietlyAsync(FeedToFetch feed)
    {
        try
        {
            await store.ReleaseAsync(feed.Id, Owner, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReleaseFailure(log, e, feed.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing feed {FeedId} ({Url}) failed unexpectedly")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, long feedId, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the claim on feed {FeedId}; it expires by itself")]
    private static partial void LogReleaseFailure(ILogger logger, Exception exception, long feedId);
}
