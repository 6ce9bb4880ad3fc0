using System.Collections.Concurrent;
using Inertia.Feeds.Opml;
using Inertia.Icons;
using Inertia.Refresh;
using Inertia.Storage.Feeds;
using Inertia.Storage.Importing;

namespace Inertia.Importing;

/// <summary>
/// Runs the OPML imports of the web app in the background, one at a time: subscribes the user to every feed of
/// the file (<see cref="OpmlSubscriber"/>), then fetches the new feeds through the refresh runner (so the
/// fetcher's global and per-host limits apply), recording each feed's outcome as it comes. Its heartbeat keeps
/// its imports "running" for readers; when the process stops, its unfinished imports are marked interrupted.
/// </summary>
internal sealed partial class ImportWorker(ImportQueue queue, ImportStore store, OpmlSubscriber subscriber, RefreshRunner runner, FeedStore feeds,
    IconRefresher icons, RefreshOptions refreshOptions, TimeProvider time, ILogger<ImportWorker> log) : BackgroundService
{
    /// <summary>How often this process tells readers that its imports are alive; well inside <see cref="ImportStore.StaleAfter"/>.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = BeatAsync(stoppingToken);
        try
        {
            await foreach (var import in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(import, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogImportFailed(log, e, import.ImportId);
                    await store.SetStatusAsync(import.ImportId, ImportStatus.Interrupted, time.GetUtcNow(), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync marks what was left interrupted.
        }
        finally
        {
            await heartbeat;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.InterruptAsync(queue.Owner, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e)
        {
            // The database may be gone first; the stale heartbeat tells readers the same thing a minute later.
            LogInterruptFailed(log, e);
        }
    }

    /// <summary>Runs one import to its end.</summary>
    private async Task RunAsync(QueuedImport import, CancellationToken cancellationToken)
    {
        var id = import.ImportId;
        await store.SetStatusAsync(id, ImportStatus.Running, time.GetUtcNow(), cancellationToken);
        var items = await store.ItemsAsync(id, cancellationToken);
        var list = items.Select(i => new OpmlFeed(i.FeedUrl, i.Title, null, i.Folder)).ToList();
        var recorded = new List<(int, ImportOutcome, string?)>();
        // A new feed has no entries yet: it is added once it has been read, or failed with the reason.
        var pending = new Dictionary<long, int>();
        await subscriber.SubscribeAsync(import.UserId, list, async feed =>
        {
            if (feed.NewFeed && !feed.AlreadyFollowed)
            {
                pending[feed.FeedId] = feed.Position;
                return;
            }
            recorded.Add(feed.AlreadyFollowed ? (feed.Position, ImportOutcome.Skipped, null) : await ExistingFeedOutcomeAsync(feed, cancellationToken));
            if (recorded.Count >= 50)
            {
                await store.RecordAsync(id, recorded, time.GetUtcNow(), cancellationToken);
                recorded.Clear();
            }
        }, cancellationToken);
        await store.RecordAsync(id, recorded, time.GetUtcNow(), cancellationToken);
        icons.Wake();
        await FetchAsync(id, pending, cancellationToken);
        await store.SetStatusAsync(id, ImportStatus.Done, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// A feed someone else already follows is not fetched again: it is added, unless its last fetch failed, in
    /// which case the reader learns why now rather than from an empty feed later.
    /// </summary>
    private async Task<(int, ImportOutcome, string?)> ExistingFeedOutcomeAsync(SubscribedFeed feed, CancellationToken cancellationToken) =>
        await feeds.GetAsync(feed.FeedId, cancellationToken) is { } row && (row.ErrorCount > 0 || row.IsGone)
            ? (feed.Position, ImportOutcome.Failed, row.LastError ?? "The feed could not be read.")
            : (feed.Position, ImportOutcome.Added, null);

    /// <summary>Fetches the new feeds, recording outcomes every half second, until each has one.</summary>
    private async Task FetchAsync(long importId, Dictionary<long, int> pending, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + refreshOptions.Lease;
        while (pending.Count > 0)
        {
            var finished = new ConcurrentQueue<RefreshOutcome>();
            var fetching = runner.RunNowAsync(pending.Keys.ToList(), finished.Enqueue, cancellationToken);
            while (!fetching.IsCompleted)
            {
                await Task.WhenAny(fetching, Task.Delay(FlushInterval, time, cancellationToken));
                await RecordFetchedAsync(importId, pending, finished, cancellationToken);
            }
            await fetching;
            await RecordFetchedAsync(importId, pending, finished, cancellationToken);
            if (pending.Count == 0)
            {
                return;
            }
            // The rest were claimed by another worker (the background refresh found them due): their outcome is
            // what that worker writes on the feed's row.
            await RecordFetchedElsewhereAsync(importId, pending, cancellationToken);
            if (pending.Count > 0)
            {
                if (time.GetUtcNow() > giveUpAt)
                {
                    await store.RecordAsync(importId, pending.Values.Select(p => (p, ImportOutcome.Failed, (string?)"Not fetched in time; the next refresh fetches it.")).ToList(), time.GetUtcNow(), cancellationToken);
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    private async Task RecordFetchedAsync(long importId, Dictionary<long, int> pending, ConcurrentQueue<RefreshOutcome> finished, CancellationToken cancellationToken)
    {
        var outcomes = new List<(int, ImportOutcome, string?)>();
        while (finished.TryDequeue(out var outcome))
        {
            if (outcome.Result != RefreshResult.LostClaim && pending.Remove(outcome.FeedId, out var position))
            {
                outcomes.Add(outcome.Result is RefreshResult.Failed or RefreshResult.Gone
                    ? (position, ImportOutcome.Failed, outcome.Error ?? "The feed could not be read.")
                    : (position, ImportOutcome.Added, null));
            }
        }
        await store.RecordAsync(importId, outcomes, time.GetUtcNow(), cancellationToken);
    }

    private async Task RecordFetchedElsewhereAsync(long importId, Dictionary<long, int> pending, CancellationToken cancellationToken)
    {
        var outcomes = new List<(int, ImportOutcome, string?)>();
        foreach (var feedId in pending.Keys.ToList())
        {
            if (await feeds.GetAsync(feedId, cancellationToken) is not { LastFetchedAt: not null } feed)
            {
                continue;
            }
            var position = pending[feedId];
            pending.Remove(feedId);
            outcomes.Add(feed.ErrorCount == 0 && !feed.IsGone
                ? (position, ImportOutcome.Added, null)
                : (position, ImportOutcome.Failed, feed.LastError ?? "The feed could not be read."));
        }
        await store.RecordAsync(importId, outcomes, time.GetUtcNow(), cancellationToken);
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.HeartbeatAsync(queue.Owner, time.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(log, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "OPML import {ImportId} failed; it is marked interrupted")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, long importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark this process's unfinished OPML imports interrupted; their stale heartbeat will")]
    private static partial void LogInterruptFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the heartbeat of this process's OPML imports")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
