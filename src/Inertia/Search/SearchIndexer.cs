using System.Data.Common;
using Dapper;
using Inertia.Storage;

namespace Inertia.Search;

/// <summary>
/// Builds the search index for entries already stored: the backfill after the migration that created the index
/// (resumable: its progress is a row of <c>search_backfill</c>, written with each batch), and
/// <c>inertia search reindex</c>. Each batch is read and turned into documents on a reading connection, then written
/// in one short transaction that indexes only the entries still stored unchanged (a refresh may have changed or
/// deleted one meanwhile, and indexed it itself).
/// </summary>
internal sealed partial class SearchIndexer(Database database, ILogger<SearchIndexer> logger)
{
    /// <summary>Entries per batch (and per write transaction).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Whether the backfill has entries left to index (searches meanwhile may miss older entries).</summary>
    public Task<bool> IsBackfillingAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_backfill") > 0, cancellationToken);

    /// <summary>Indexes the entries stored before the index existed, logging progress; returns how many it indexed.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken = default)
    {
        var range = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<(long Next, long Last)?>(
            "SELECT next_entry_id, last_entry_id FROM search_backfill WHERE id = 1"), cancellationToken);
        if (range is not { } found)
        {
            return 0;
        }
        var (next, last) = found;
        var first = next;
        LogStarting(logger, next, last);
        var started = DateTimeOffset.UtcNow;
        var lastLog = started;
        var indexed = 0;
        while (next <= last)
        {
            var (count, end) = await IndexBatchAsync(next, last, null, (c, t, resumeAt) =>
                resumeAt > last
                    ? c.ExecuteAsync("DELETE FROM search_backfill", transaction: t)
                    : c.ExecuteAsync("UPDATE search_backfill SET next_entry_id = @resumeAt", new { resumeAt }, t), cancellationToken);
            indexed += count;
            next = end + 1;
            if (DateTimeOffset.UtcNow - lastLog > TimeSpan.FromSeconds(5))
            {
                lastLog = DateTimeOffset.UtcNow;
                var percent = 100.0 * (Math.Min(next, last + 1) - first) / (last - first + 1);
                LogProgress(logger, indexed, percent);
            }
        }
        LogDone(logger, indexed, (DateTimeOffset.UtcNow - started).TotalSeconds);
        return indexed;
    }

    /// <summary>
    /// Indexes again every stored entry, or those of the feeds <paramref name="userId"/> follows, reporting (done, total)
    /// after each batch; returns how many entries were indexed.
    /// </summary>
    public async Task<int> ReindexAsync(long? userId, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var scope = userId is null ? "" : " AND feed_id IN (SELECT feed_id FROM subscriptions WHERE user_id = @userId)";
        var (total, first, last) = await database.ReadAsync(c => c.QuerySingleAsync<(int, long?, long?)>(
            $"SELECT COUNT(*), MIN(id), MAX(id) FROM entries WHERE TRUE{scope}", new { userId }), cancellationToken);
        progress?.Report((0, total));
        if (first is null)
        {
            return 0;
        }
        var done = 0;
        for (var next = first.Value; next <= last!.Value;)
        {
            var (count, end) = await IndexBatchAsync(next, last.Value, userId, null, cancellationToken);
            done += count;
            next = end + 1;
            progress?.Report((done, total));
        }
        return done;
    }

    /// <summary>
    /// Indexes up to <see cref="BatchSize"/> entries from id <paramref name="from"/> on; returns how many and the last id
    /// the batch covered. <paramref name="record"/> runs in the same transaction, given the id to resume at.
    /// </summary>
    private async Task<(int Count, long End)> IndexBatchAsync(long from, long last, long? userId, Func<DbConnection, DbTransaction, long, Task<int>>? record, CancellationToken cancellationToken)
    {
        var scope = userId is null ? "" : " AND feed_id IN (SELECT feed_id FROM subscriptions WHERE user_id = @userId)";
        var stored = (await database.ReadAsync(c => c.QueryAsync<(long Id, string Hash, string? Title, string? Authors, string? Categories, string? Summary, string? Content)>(
            $"SELECT id, hash, title, authors, categories, summary, content FROM entries WHERE id >= @from AND id <= @last{scope} ORDER BY id LIMIT @limit",
            new { from, last, userId, limit = BatchSize }), cancellationToken)).ToList();
        var end = stored.Count < BatchSize ? last : stored[^1].Id;
        var documents = stored.Select(e => (e.Id, e.Hash, Document: SearchDocument.OfStored(e.Title, e.Authors, e.Categories, e.Summary, e.Content))).ToList();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var ids = documents.Select(d => d.Id).ToList();
            var current = ids.Count == 0
                ? new Dictionary<long, string>()
                : (await connection.QueryAsync<(long Id, string Hash)>($"SELECT id, hash FROM entries WHERE {database.InList("id", "@ids")}", new { ids }, transaction)).ToDictionary(r => r.Id, r => r.Hash);
            var unchanged = documents.Where(d => current.TryGetValue(d.Id, out var hash) && hash == d.Hash).Select(d => (d.Id, d.Document)).ToList();
            await SearchIndex.WriteAsync(database, connection, transaction, unchanged, cancellationToken);
            if (record is not null)
            {
                await record(connection, transaction, end + 1);
            }
            return (unchanged.Count, end);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the search index for the entries stored before it (ids {Next} to {Last})")]
    private static partial void LogStarting(ILogger logger, long next, long last);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: {Indexed} entries indexed, {Percent:0}% of the way")]
    private static partial void LogProgress(ILogger logger, int indexed, double percent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Indexed} entries in {Seconds:0.0} s")]
    private static partial void LogDone(ILogger logger, int indexed, double seconds);
}
