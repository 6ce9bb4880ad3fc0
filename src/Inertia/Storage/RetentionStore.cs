using Dapper;

namespace Inertia.Storage;

/// <summary>
/// How long entries are kept. Starred entries are never deleted, and neither are the newest
/// <see cref="KeepPerFeed"/> of a feed or as many as its latest document holds (deleting an entry the
/// feed still lists would bring it back as new on the next fetch).
/// </summary>
internal sealed record RetentionPolicy
{
    /// <summary>An entry read by every subscriber is deleted this long after publication. Default 60 days.</summary>
    public TimeSpan ReadEntries { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Any entry not starred is deleted this long after publication. Default 180 days.</summary>
    public TimeSpan UnreadEntries { get; init; } = TimeSpan.FromDays(180);

    /// <summary>The newest entries of every feed kept whatever their age. Default 50.</summary>
    public int KeepPerFeed { get; init; } = 50;
}

/// <summary>Deletes entries that <see cref="RetentionPolicy"/> no longer keeps.</summary>
internal sealed class RetentionStore(Database database)
{
    /// <summary>Deletes what the policy lets go and returns how many entries were deleted.</summary>
    public Task<int> PruneAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            DELETE FROM entries WHERE id IN (
                SELECT ranked.id
                FROM (SELECT e.id, e.feed_id, e.published_at,
                             ROW_NUMBER() OVER (PARTITION BY e.feed_id ORDER BY e.published_at DESC, e.id DESC) AS position
                      FROM entries e) ranked
                JOIN feeds f ON f.id = ranked.feed_id
                WHERE ranked.published_at < @readCutoff
                  AND ranked.position > CASE WHEN f.last_entry_count > @keep THEN f.last_entry_count ELSE @keep END
                  AND NOT EXISTS (
                      SELECT 1 FROM entry_states s
                      WHERE s.entry_id = ranked.id AND (s.is_starred OR (NOT s.is_read AND ranked.published_at >= @unreadCutoff))))
            """,
            new { readCutoff = now - policy.ReadEntries, unreadCutoff = now - policy.UnreadEntries, keep = policy.KeepPerFeed },
            transaction), cancellationToken);
}
