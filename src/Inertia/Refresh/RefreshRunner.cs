using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Inertia.Fetching;
using Inertia.Storage.Feeds;

namespace Inertia.Refresh;

/// <summary>
/// Runs refresh rounds: claims due feeds a few at a time, just ahead of the workers, and refreshes them
/// concurrently within the global and per-host limits until none is due. A slow feed or host holds up only
/// the workers fetching from it; a failure of any kind is recorded against its feed and never ends the
/// round. The background scheduler and <c>inertia refresh</c> share it.
/// </summary>
internal sealed partial class RefreshRunner(RefreshStore store, FeedRefresher refresher, RefreshOptions options, TimeProvider time, ILogger<RefreshRunner> log)
{
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();

    /// <summary>Identifies this process's claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Refreshes every due feed; <paramref name="progress"/> hears of each one as it finishes.</summary>
    public Task<int> RunRoundAsync(Action<RefreshOutcome>? progress, CancellationToken cancellationToken) =>
        RunAsync(async (room, queue, token) =>
        {
            while (true)
            {
                var free = await room.TakeAsync(token);
                var claimed = await store.ClaimDueAsync(Owner, time.GetUtcNow(), options.Lease, free, token);
                room.Return(free - claimed.Count);
                if (claimed.Count == 0)
                {
                    return;
                }
                foreach (var feed in claimed)
                {
                    await EnqueueAsync(feed, room, queue, token);
                }
            }
        }, progress, cancellationToken);

    /// <summary>Refreshes the given feeds now, due or not; a feed another worker holds is skipped.</summary>
    public Task<int> RunNowAsync(IEnumerable<long> feedIds, Action<RefreshOutcome>? progress, CancellationToken cancellationToken) =>
        RunAsync(async (room, queue, token) =>
        {
            foreach (var id in feedIds.Distinct())
            {
                await room.TakeOneAsync(token);
                if (await store.ClaimAsync(id, Owner, time.GetUtcNow(), options.Lease, token) is { } feed)
                {
                    await EnqueueAsync(feed, room, queue, token);
                }
                else
                {
                    room.Return(1);
                }
            }
        }, progress, cancellationToken);

    /// <summary>Queues a claimed feed, unless this process is already working on it (its claim expired while it waited).</summary>
    private async Task EnqueueAsync(FeedToFetch feed, Room room, ChannelWriter<FeedToFetch> queue, CancellationToken cancellationToken)
    {
        if (_inFlight.TryAdd(feed.Id, 0))
        {
            await queue.WriteAsync(feed, cancellationToken);
        }
        else
        {
            room.Return(1);
        }
    }

    private async Task<int> RunAsync(Func<Room, ChannelWriter<FeedToFetch>, CancellationToken, Task> claim, Action<RefreshOutcome>? progress, CancellationToken cancellationToken)
    {
        // At most twice the workers' worth of feeds is claimed and not finished at any time, so that claims
        // do not wait long enough to expire while their host is busy.
        using var room = new Room(options.Workers * 2);
        var queue = Channel.CreateUnbounded<FeedToFetch>();
        var hosts = new HostQueues(options.PerHost);
        var done = 0;
        var workers = Enumerable.Range(0, options.Workers).Select(worker => Task.Run(async () =>
        {
            await foreach (var claimed in queue.Reader.ReadAllAsync(cancellationToken))
            {
                var next = hosts.TryStartOrQueue(claimed) ? claimed : null;
                while (next is not null)
                {
                    // Awaited apart from the report: with no listener, ?.Invoke would skip its argument, the refresh itself.
                    var outcome = await RefreshOneAsync(next, cancellationToken);
                    progress?.Invoke(outcome);
                    _inFlight.TryRemove(next.Id, out _);
                    Interlocked.Increment(ref done);
                    room.Return(1);
                    next = hosts.Finish(next);
                }
            }
        }, cancellationToken)).ToList();
        Exception? claimFailure = null;
        try
        {
            await claim(room, queue.Writer, cancellationToken);
        }
        catch (Exception e)
        {
            claimFailure = e;
        }
        queue.Writer.Complete();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            // Whatever was claimed and not finished (cancelled, or a worker failed) is given back at once,
            // rather than waiting out its lease.
            await ReleaseLeftoversAsync();
        }
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
            if (!await store.RenewAsync(feed.Id, Owner, time.GetUtcNow(), options.Lease, cancellationToken))
            {
                return new RefreshOutcome(feed.Id, feed.Url, RefreshResult.LostClaim, 0, 0, "Another worker took this feed over while it waited; it was skipped.", time.GetUtcNow());
            }
            return await refresher.RefreshAsync(feed, Owner, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug or bad data the database refuses: recorded against the feed like any failure, so it backs off
            // and the user sees why, instead of being retried at once forever.
            LogUnexpectedFailure(log, e, feed.Id, UrlText.Redact(feed.Url));
            try
            {
                return await refresher.RecordInternalErrorAsync(feed, Owner, e, cancellationToken);
            }
            catch (Exception recording)
            {
                LogRecordingFailure(log, recording, feed.Id);
                return new RefreshOutcome(feed.Id, feed.Url, RefreshResult.Failed, 0, 0, $"Internal error while refreshing: {e.Message}", time.GetUtcNow());
            }
        }
    }

    private async Task ReleaseLeftoversAsync()
    {
        try
        {
            await store.ReleaseAllAsync(Owner, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReleaseFailure(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing feed {FeedId} ({Url}) failed unexpectedly")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, long feedId, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of feed {FeedId}; its claim expires by itself")]
    private static partial void LogRecordingFailure(ILogger logger, Exception exception, long feedId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back this process's claims; they expire by themselves")]
    private static partial void LogReleaseFailure(ILogger logger, Exception exception);

    /// <summary>Room for claimed feeds that are not finished yet.</summary>
    private sealed class Room(int size) : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(size, size);

        /// <summary>Waits for at least one free slot and takes every free one, up to <c>size / 2</c>: the size of the next claim.</summary>
        public async Task<int> TakeAsync(CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken);
            var taken = 1;
            while (taken < size / 2 && _slots.Wait(0, CancellationToken.None))
            {
                taken++;
            }
            return taken;
        }

        public Task TakeOneAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

        public void Return(int slots)
        {
            if (slots > 0)
            {
                _slots.Release(slots);
            }
        }

        public void Dispose() => _slots.Dispose();
    }
}
