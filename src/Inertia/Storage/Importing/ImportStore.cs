using Dapper;
using Inertia.Feeds.Opml;

namespace Inertia.Storage.Importing;

/// <summary>
/// Background OPML imports and their progress, one row per import and one per feed of its file. The process
/// running an import beats its heart here; one whose heartbeat is older than <see cref="StaleAfter"/> reads as
/// interrupted, so an import never stays "running" after its process died.
/// </summary>
internal sealed class ImportStore(Database database)
{
    /// <summary>How long an import may go without a heartbeat before it counts as interrupted.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Records a new import of <paramref name="feeds"/>, queued in the process <paramref name="owner"/>; returns its id.</summary>
    public Task<long> CreateAsync(long userId, string fileName, IReadOnlyList<OpmlFeed> feeds, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO opml_imports (user_id, file_name, status, owner, heartbeat_at, created_at)
                VALUES (@userId, @fileName, 'queued', @owner, @now, @now) RETURNING id
                """, new { userId, fileName, owner, now }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO opml_import_items (import_id, position, feed_url, title, folder) VALUES (@id, @Position, @FeedUrl, @Title, @Folder)",
                feeds.Select((feed, position) => new { id, Position = position, feed.FeedUrl, feed.Title, feed.Folder }), transaction);
            return id;
        }, cancellationToken);

    /// <summary>The import's feeds, in file order.</summary>
    public Task<IReadOnlyList<ImportItem>> ItemsAsync(long importId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ImportItem>>(async c => (await c.QueryAsync<ItemRow>(
            "SELECT position, feed_url, title, folder, outcome, message FROM opml_import_items WHERE import_id = @importId ORDER BY position",
            new { importId })).Select(r => r.ToItem()).ToList(), cancellationToken);

    public Task SetStatusAsync(long importId, ImportStatus status, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            UPDATE opml_imports SET status = @status, heartbeat_at = @now,
                   finished_at = CASE WHEN @finished THEN @now ELSE finished_at END
            WHERE id = @importId
            """,
            new { importId, status = Name(status), now, finished = status is ImportStatus.Done or ImportStatus.Interrupted }, transaction), cancellationToken);

    /// <summary>Records what became of several feeds of an import at once.</summary>
    public Task RecordAsync(long importId, IReadOnlyCollection<(int Position, ImportOutcome Outcome, string? Message)> outcomes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        outcomes.Count == 0 ? Task.CompletedTask : database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "UPDATE opml_import_items SET outcome = @Outcome, message = @Message WHERE import_id = @importId AND position = @Position",
                outcomes.Select(o => new { importId, o.Position, Outcome = Name(o.Outcome), o.Message }), transaction);
            return await connection.ExecuteAsync("UPDATE opml_imports SET heartbeat_at = @now WHERE id = @importId", new { importId, now }, transaction);
        }, cancellationToken);

    /// <summary>Tells readers that the process <paramref name="owner"/> is still working on its queued and running imports.</summary>
    public Task HeartbeatAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE opml_imports SET heartbeat_at = @now WHERE owner = @owner AND status IN ('queued', 'running')",
            new { owner, now }, transaction), cancellationToken);

    /// <summary>Marks the unfinished imports of the process <paramref name="owner"/> interrupted (it is stopping).</summary>
    public Task<int> InterruptAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE opml_imports SET status = 'interrupted', finished_at = @now WHERE owner = @owner AND status IN ('queued', 'running')",
            new { owner, now }, transaction), cancellationToken);

    /// <summary>One of the user's imports with its counts (and its failures, when asked), or null when the user has no such import.</summary>
    public Task<ImportProgress?> GetAsync(long userId, long importId, DateTimeOffset now, bool withFailures, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<ImportRow?>(
                $"{ImportSelect} WHERE i.user_id = @userId AND i.id = @importId", new { userId, importId });
            if (row is null)
            {
                return null;
            }
            var failures = withFailures
                ? (await c.QueryAsync<ItemRow>(
                    "SELECT position, feed_url, title, folder, outcome, message FROM opml_import_items WHERE import_id = @importId AND outcome = 'failed' ORDER BY position",
                    new { importId })).Select(r => r.ToItem()).ToList()
                : [];
            return row.ToProgress(now) with { Failures = failures };
        }, cancellationToken);

    /// <summary>The user's most recent imports, newest first.</summary>
    public Task<IReadOnlyList<ImportProgress>> RecentAsync(long userId, DateTimeOffset now, int limit = 10, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ImportProgress>>(async c => (await c.QueryAsync<ImportRow>(
            $"{ImportSelect} WHERE i.user_id = @userId ORDER BY i.id DESC LIMIT @limit", new { userId, limit })).Select(r => r.ToProgress(now)).ToList(), cancellationToken);

    private const string ImportSelect =
        """
        SELECT i.id, i.file_name, i.status, i.heartbeat_at, i.created_at, i.finished_at,
               (SELECT COUNT(*) FROM opml_import_items t WHERE t.import_id = i.id) AS total,
               (SELECT COUNT(*) FROM opml_import_items t WHERE t.import_id = i.id AND t.outcome = 'added') AS added,
               (SELECT COUNT(*) FROM opml_import_items t WHERE t.import_id = i.id AND t.outcome = 'skipped') AS skipped,
               (SELECT COUNT(*) FROM opml_import_items t WHERE t.import_id = i.id AND t.outcome = 'failed') AS failed
        FROM opml_imports i
        """;

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);

    private sealed record ImportRow
    {
        public long Id { get; init; }
        public required string FileName { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset HeartbeatAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public long Total { get; init; }
        public long Added { get; init; }
        public long Skipped { get; init; }
        public long Failed { get; init; }

        public ImportProgress ToProgress(DateTimeOffset now)
        {
            var status = Parse<ImportStatus>(Status);
            if (status is ImportStatus.Queued or ImportStatus.Running && now - HeartbeatAt > StaleAfter)
            {
                status = ImportStatus.Interrupted;
            }
            return new ImportProgress
            {
                Id = Id,
                FileName = FileName,
                Status = status,
                CreatedAt = CreatedAt,
                FinishedAt = FinishedAt ?? (status == ImportStatus.Interrupted ? HeartbeatAt : null),
                Total = (int)Total,
                Added = (int)Added,
                Skipped = (int)Skipped,
                Failed = (int)Failed,
            };
        }
    }

    private sealed record ItemRow
    {
        public int Position { get; init; }
        public required string FeedUrl { get; init; }
        public string? Title { get; init; }
        public string? Folder { get; init; }
        public string? Outcome { get; init; }
        public string? Message { get; init; }

        public ImportItem ToItem() => new()
        {
            Position = Position,
            FeedUrl = FeedUrl,
            Title = Title,
            Folder = Folder,
            Outcome = Outcome is null ? null : Parse<ImportOutcome>(Outcome),
            Message = Message,
        };
    }
}
