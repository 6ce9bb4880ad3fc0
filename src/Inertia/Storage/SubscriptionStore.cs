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
            var existing = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM subscriptions WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId }, transaction);
            if (existing is not null)
            {
                return (existing.Value, false);
            }
            long? folderId = null;
            if (!string.IsNullOrWhiteSpace(folderTitle))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO folders (user_id, title, created_at) VALUES (@userId, @folderTitle, @now) ON CONFLICT (user_id, title) DO NOTHING",
                    new { userId, folderTitle = folderTitle.Trim(), now }, transaction);
                folderId = await connection.ExecuteScalarAsync<long>(
                    "SELECT id FROM folders WHERE user_id = @userId AND title = @folderTitle", new { userId, folderTitle = folderTitle.Trim() }, transaction);
            }
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO subscriptions (user_id, feed_id, folder_id, title, created_at)
                VALUES (@userId, @feedId, @folderId, @title, @now)
                RETURNING id
                """,
                new { userId, feedId, folderId, title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(), now }, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO entry_states (user_id, entry_id, feed_id)
                SELECT @userId, e.id, e.feed_id FROM entries e WHERE e.feed_id = @feedId
                ON CONFLICT DO NOTHING
                """,
                new { userId, feedId }, transaction);
            return (id, true);
        }, cancellationToken);

    /// <summary>A user's subscriptions, by folder and then title.</summary>
    public Task<IReadOnlyList<Subscription>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Subscription>>(async c => (await c.QueryAsync<Subscription>(
            """
            SELECT s.id, s.user_id, s.feed_id, s.folder_id, fo.title AS folder_title,
                   COALESCE(s.title, f.title, f.url) AS title, f.url AS feed_url, f.site_url
            FROM subscriptions s
            JOIN feeds f ON f.id = s.feed_id
            LEFT JOIN folders fo ON fo.id = s.folder_id
            WHERE s.user_id = @userId
            ORDER BY fo.title, COALESCE(s.title, f.title, f.url)
            """, new { userId })).ToList(), cancellationToken);
}
