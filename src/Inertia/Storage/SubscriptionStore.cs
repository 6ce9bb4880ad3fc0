using Dapper;

namespace Inertia.Storage;

/// <summary>Users' subscriptions and folders.</summary>
internal sealed class SubscriptionStore(Database database)
{
    /// <summary>
    /// Subscribes a user to a feed (in a folder, created if needed, when one is named). Entries the feed
    /// already has become unread for the user. Returns the subscription id, and whether it is new.
    /// </summary>
    public Task<(long Id, bool Created)> SubscribeAsync(long userId, long feedId, string? folderTitle, string? title, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // Lock the feed's row first. A refresh merging entries holds it too, so the two run one after the
            // other: either the merge sees this subscription, or this sees the merged entries. Without it, on
            // PostgreSQL, each could miss the other's uncommitted rows and the user would never get an entry.
            await connection.ExecuteAsync("UPDATE feeds SET id = id WHERE id = @feedId", new { feedId }, transaction);
            long? folderId = null;
            if (!string.IsNullOrWhiteSpace(folderTitle))
            {
                var folder = folderTitle.Trim();
                await connection.ExecuteAsync(
                    "INSERT INTO folders (user_id, title, created_at) VALUES (@userId, @folder, @now) ON CONFLICT (user_id, title) DO NOTHING",
                    new { userId, folder, now }, transaction);
                folderId = await connection.ExecuteScalarAsync<long>(
                    "SELECT id FROM folders WHERE user_id = @userId AND title = @folder", new { userId, folder }, transaction);
            }
            var created = await connection.ExecuteScalarAsync<long?>(
                """
                INSERT INTO subscriptions (user_id, feed_id, folder_id, title, created_at)
                VALUES (@userId, @feedId, @folderId, @title, @now)
                ON CONFLICT (user_id, feed_id) DO NOTHING
                RETURNING id
                """,
                new { userId, feedId, folderId, title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(), now }, transaction);
            if (created is null)
            {
                return (await connection.ExecuteScalarAsync<long>(
                    "SELECT id FROM subscriptions WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId }, transaction), false);
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO entry_states (user_id, entry_id, feed_id)
                SELECT @userId, e.id, e.feed_id FROM entries e WHERE e.feed_id = @feedId
                ON CONFLICT DO NOTHING
                """,
                new { userId, feedId }, transaction);
            return (created.Value, true);
        }, cancellationToken);

    /// <summary>A user's subscriptions: those outside folders first, then by folder, then by title.</summary>
    public Task<IReadOnlyList<Subscription>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Subscription>>(async c => (await c.QueryAsync<Subscription>(
            """
            SELECT s.id, s.user_id, s.feed_id, s.folder_id, fo.title AS folder_title,
                   COALESCE(s.title, f.title, f.url) AS title, f.url AS feed_url, f.site_url
            FROM subscriptions s
            JOIN feeds f ON f.id = s.feed_id
            LEFT JOIN folders fo ON fo.id = s.folder_id
            WHERE s.user_id = @userId
            ORDER BY CASE WHEN fo.title IS NULL THEN 0 ELSE 1 END, fo.title, COALESCE(s.title, f.title, f.url)
            """, new { userId })).ToList(), cancellationToken);
}
