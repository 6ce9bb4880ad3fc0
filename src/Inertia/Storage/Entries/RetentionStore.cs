using Dapper;

namespace Inertia.Storage.Entries;

/// <summary>Deletes entries that <see cref="RetentionPolicy"/> no longer keeps.</summary>
internal sealed class RetentionStore(Database database)
{
    /// <summary>Deletes what the policy lets go and returns how many entries were deleted.</summary>
    public Task<int> PruneAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            DELETE FROM entries WHERE id IN (
                SELECT ranked.id
                FROM (SELECT e.id, e.feed_id, e.published_at, e.last_seen_at,
                             ROW_NUMBER() OVER (PARTITION BY e.feed_id ORDER BY e.published_at DESC, e.id DESC) AS position
                      FROM entries e) ranked
                JOIN feeds f ON f.id = ranked.feed_id
                WHERE ranked.published_at < @readCutoff
                  AND ranked.position > @keep
                  AND (f.last_parsed_at IS NULL OR ranked.last_seen_at < f.last_parsed_at)
                  AND NOT EXISTS (
                      SELECT 1 FROM entry_states s
                      WHERE s.entry_id = ranked.id AND (s.is_starred OR (NOT s.is_read AND ranked.published_at >= @unreadCutoff))))
            """,
            new { readCutoff = now - policy.ReadEntries, unreadCutoff = now - policy.UnreadEntries, keep = policy.KeepPerFeed },
            transaction), cancellationToken);
}
