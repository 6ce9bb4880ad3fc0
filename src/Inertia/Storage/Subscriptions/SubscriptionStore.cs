using Dapper;
using Inertia.Storage.Feeds;

namespace Inertia.Storage.Subscriptions;

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
                INSERT INTO entry_states (user_id, entry_id, feed_id, published_at, created_at)
                SELECT @userId, e.id, e.feed_id, e.published_at, @now FROM entries e WHERE e.feed_id = @feedId
                ON CONFLICT DO NOTHING
                """,
                new { userId, feedId, now }, transaction);
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

    /// <summary>A user's subscriptions with their unread counts and health, ordered by title.</summary>
    public Task<IReadOnlyList<SubscriptionSummary>> SummariesAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SubscriptionSummary>>(async c => await RowReader.ReadAsync(c,
            $"{SummarySelect} WHERE s.user_id = @userId ORDER BY LOWER(COALESCE(s.title, f.title, f.url))", new { userId }, Summary), cancellationToken);

    /// <summary>
    /// The user's subscriptions outside folders (when <paramref name="unfiled"/>) and in one folder (when
    /// <paramref name="folderId"/> is given), ordered by title: the feeds a sidebar shows open.
    /// </summary>
    public Task<IReadOnlyList<SubscriptionSummary>> SummariesAsync(long userId, bool unfiled, long? folderId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SubscriptionSummary>>(async c => await RowReader.ReadAsync(c,
            $"""
            {SummarySelect}
            WHERE s.user_id = @userId AND ((@unfiled AND s.folder_id IS NULL) OR s.folder_id = @folderId)
            ORDER BY LOWER(COALESCE(s.title, f.title, f.url))
            """, new { userId, unfiled, folderId }, Summary), cancellationToken);

    /// <summary>How many feeds, unread and starred entries the user has outside folders (folder null) and in each folder.</summary>
    public Task<IReadOnlyList<FolderCounts>> CountsByFolderAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<FolderCounts>>(async c => (await c.QueryAsync<FolderCounts>(
            """
            SELECT folder_id, COUNT(*) AS feeds, SUM(unread_count) AS unread, SUM(starred_count) AS starred
            FROM subscriptions WHERE user_id = @userId GROUP BY folder_id
            """, new { userId })).ToList(), cancellationToken);

    /// <summary>The user's subscription to a feed, or null when the user does not follow it.</summary>
    public Task<SubscriptionSummary?> FindAsync(long userId, long feedId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => (await RowReader.ReadAsync(c,
            $"{SummarySelect} WHERE s.user_id = @userId AND s.feed_id = @feedId", new { userId, feedId }, Summary)).SingleOrDefault(), cancellationToken);

    /// <summary>A followed feed's fetch state and entry count (as its list shows them: hidden ones left out), or null when the user does not follow it.</summary>
    public async Task<FeedStatus?> StatusAsync(long userId, long feedId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, feedId, cancellationToken) is not { } subscription)
        {
            return null;
        }
        return await database.ReadAsync(async c =>
        {
            var feed = await c.QuerySingleAsync<FeedRecord>("SELECT * FROM feeds WHERE id = @feedId", new { feedId });
            var count = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM entry_states WHERE user_id = @userId AND feed_id = @feedId AND NOT is_hidden", new { userId, feedId });
            var folder = subscription.FolderId is null ? null
                : await c.ExecuteScalarAsync<string?>("SELECT title FROM folders WHERE id = @id", new { id = subscription.FolderId });
            return new FeedStatus { Subscription = subscription, Feed = feed, EntryCount = count, FolderTitle = folder };
        }, cancellationToken);
    }

    /// <summary>Gives a subscription the user's own title (null or blank: the feed's title again).</summary>
    public Task<bool> RenameAsync(long userId, long feedId, string? title, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "UPDATE subscriptions SET title = @title WHERE user_id = @userId AND feed_id = @feedId",
            new { userId, feedId, title = string.IsNullOrWhiteSpace(title) ? null : title.Trim() }, transaction) == 1, cancellationToken);

    /// <summary>Moves a subscription into one of the user's folders, or out of folders (null); false when either is not the user's.</summary>
    public Task<bool> MoveAsync(long userId, long feedId, long? folderId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            """
            UPDATE subscriptions SET folder_id = @folderId
            WHERE user_id = @userId AND feed_id = @feedId
              AND (@folderId IS NULL OR EXISTS (SELECT 1 FROM folders WHERE id = @folderId AND user_id = @userId))
            """, new { userId, feedId, folderId }, transaction) == 1, cancellationToken);

    /// <summary>Ends a subscription, with the user's read and starred states of the feed's entries. The feed and its entries stay for other subscribers.</summary>
    public Task<bool> UnsubscribeAsync(long userId, long feedId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM entry_states WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId }, transaction);
            return await connection.ExecuteAsync("DELETE FROM subscriptions WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId }, transaction) == 1;
        }, cancellationToken);

    /// <summary>Makes every feed the user follows due now, so that the next refresh round fetches them; returns how many.</summary>
    public Task<int> MakeDueAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            UPDATE feeds SET next_check_at = @now
            WHERE NOT is_gone AND next_check_at > @now AND id IN (SELECT feed_id FROM subscriptions WHERE user_id = @userId)
            """, new { userId, now }, transaction), cancellationToken);

    // In the order of SummarySelect's columns.
    private static SubscriptionSummary Summary(System.Data.Common.DbDataReader row) => new()
    {
        FeedId = row.GetInt64(0),
        FolderId = row.IsDBNull(1) ? null : row.GetInt64(1),
        Title = row.GetString(2),
        FeedUrl = row.GetString(3),
        SiteUrl = row.NullableString(4),
        UnreadCount = row.GetInt32(5),
        StarredCount = row.GetInt32(6),
        ErrorCount = row.GetInt32(7),
        IsGone = row.GetBoolean(8),
        IconHash = row.NullableString(9),
    };

    private const string SummarySelect =
        """
        SELECT s.feed_id, s.folder_id, COALESCE(s.title, f.title, f.url) AS title, f.url AS feed_url, f.site_url,
               s.unread_count, s.starred_count, f.error_count, f.is_gone, f.icon_hash
        FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
        """;
}
