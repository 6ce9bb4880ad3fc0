namespace Inertia.Search;

/// <summary>
/// Runs the search index's backfill in the background when Inertia starts (with the refresh, in <c>serve</c>'s all and
/// worker roles), so that an upgraded database is searchable without a step of its own; the log shows its progress.
/// A failed backfill is logged and tried again at the next start (it resumes where it stopped).
/// </summary>
internal sealed partial class SearchBackfill(SearchIndexer indexer, ILogger<SearchBackfill> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await indexer.BackfillAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; it resumes at the next start")]
    private static partial void Failed(ILogger logger, Exception exception);
}
