using System.Security.Cryptography;
using Dapper;

namespace Inertia.Storage.Feeds;

/// <summary>Site icons, one per feed, and when to look for each again.</summary>
internal sealed class IconStore(Database database)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> followed feeds whose icon is due to be looked for, by moving their
    /// next look to <paramref name="retryAt"/>: a process that dies while looking leaves no claim behind, and
    /// two processes never look for the same icon at once.
    /// </summary>
    public Task<IReadOnlyList<IconToFind>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset retryAt, int limit, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<IconToFind>>(async (connection, transaction) => (await connection.QueryAsync<IconToFind>(
            $"""
            UPDATE feeds SET icon_next_check_at = @retryAt
            WHERE id IN (SELECT f.id FROM feeds f
                         WHERE (f.icon_next_check_at IS NULL OR f.icon_next_check_at <= @now)
                           AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.feed_id = f.id)
                         ORDER BY f.icon_next_check_at NULLS FIRST, f.id
                         LIMIT @limit {database.SkipLocked})
            RETURNING id AS feed_id, url AS feed_url, site_url
            """, new { now, retryAt, limit }, transaction)).ToList(), cancellationToken);

    /// <summary>Stores a feed's icon, to be looked for again at <paramref name="nextCheckAt"/>.</summary>
    public Task SaveAsync(long feedId, string contentType, byte[] data, DateTimeOffset now, DateTimeOffset nextCheckAt, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(data).AsSpan(0, 12));
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO feed_icons (feed_id, content_type, data, hash, fetched_at) VALUES (@feedId, @contentType, @data, @hash, @now)
                ON CONFLICT (feed_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, hash = excluded.hash, fetched_at = excluded.fetched_at
                """, new { feedId, contentType, data, hash, now }, transaction);
            return await connection.ExecuteAsync(
                "UPDATE feeds SET icon_next_check_at = @nextCheckAt, icon_hash = @hash WHERE id = @feedId", new { feedId, nextCheckAt, hash }, transaction);
        }, cancellationToken);
    }

    /// <summary>A feed's icon, or null when none was found.</summary>
    public Task<StoredIcon?> GetAsync(long feedId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<StoredIcon?>(
            "SELECT content_type, data, hash FROM feed_icons WHERE feed_id = @feedId", new { feedId }), cancellationToken);
}
