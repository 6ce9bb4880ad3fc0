using Inertia.Fetching;
using Inertia.Storage.Entries;

namespace Inertia.Refresh;

/// <summary>
/// The background refresh inside <c>serve</c>: runs a round whenever feeds are due (checking every
/// <see cref="PollInterval"/>), and applies the retention policy once an hour. A failing round (the
/// database is down) is logged and retried; it never stops the service.
/// </summary>
internal sealed partial class RefreshScheduler(RefreshRunner runner, RetentionStore retention, RetentionPolicy retentionPolicy, TimeProvider time, ILogger<RefreshScheduler> log)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var refreshed = await runner.RunRoundAsync(outcome =>
                {
                    if (outcome.Result is RefreshResult.Failed or RefreshResult.Gone)
                    {
                        LogFeedProblem(log, outcome.FeedId, UrlText.Redact(outcome.Url), outcome.Error);
                    }
                }, stoppingToken);
                if (refreshed > 0)
                {
                    LogRound(log, refreshed);
                }
                if (time.GetUtcNow() >= nextPrune)
                {
                    var deleted = await retention.PruneAsync(retentionPolicy, time.GetUtcNow(), stoppingToken);
                    LogPruned(log, deleted);
                    nextPrune = time.GetUtcNow() + PruneInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRoundFailed(log, e);
            }
            try
            {
                await Task.Delay(PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed {Count} feeds")]
    private static partial void LogRound(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} old entries")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} ({Url}): {Problem}")]
    private static partial void LogFeedProblem(ILogger logger, long feedId, string url, string? problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "A refresh round failed; retrying shortly")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
