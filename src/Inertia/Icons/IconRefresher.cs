using Inertia.Storage.Feeds;

namespace Inertia.Icons;

/// <summary>
/// Looks for the icons of followed feeds in the background of <c>serve</c>: each feed's site once, again
/// after <see cref="RecheckFound"/> (icons change rarely) or <see cref="RecheckMissing"/> when none was
/// found. <see cref="Wake"/> starts a pass at once (a new subscription wants its icon now).
/// </summary>
internal sealed partial class IconRefresher(IconStore store, IconFinder finder, TimeProvider time, ILogger<IconRefresher> log) : BackgroundService
{
    public static readonly TimeSpan RecheckFound = TimeSpan.FromDays(30);
    public static readonly TimeSpan RecheckMissing = TimeSpan.FromDays(3);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);
    private const int Batch = 8;

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a pass now rather than at the next minute.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first: one pass serves both.
            }
        }
    }

    /// <summary>Looks for the icons that are due, a batch at a time, until none is; returns how many were looked for.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var looked = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await store.ClaimDueAsync(now, now + RecheckMissing, Batch, cancellationToken);
            if (due.Count == 0)
            {
                return looked;
            }
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (feed, token) =>
            {
                if (await finder.FindAsync(feed.Site, token) is { } icon)
                {
                    var found = time.GetUtcNow();
                    await store.SaveAsync(feed.FeedId, icon.MediaType, icon.Data, found, found + RecheckFound, token);
                }
            });
            looked += due.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(log, e);
            }
            try
            {
                await _wake.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for site icons failed; trying again in a minute")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
