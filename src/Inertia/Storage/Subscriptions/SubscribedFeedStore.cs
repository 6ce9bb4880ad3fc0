using Dapper;

namespace Inertia.Storage.Subscriptions;

/// <summary>A user's feeds with their fetch state and folder, and their read and unread counts, as APIs list them.</summary>
internal sealed class SubscribedFeedStore(Database database)
{
    /// <summary>The columns of a <see cref="SubscribedFeed"/>, with the subscription as <paramref name="s"/>, its feed as f and folder as fo.</summary>
    internal static string Columns(string s) =>
        $"""
        {s}.feed_id, {s}.folder_id, fo.title AS folder_title, COALESCE({s}.title, f.title, f.url) AS title, f.url AS feed_url, f.site_url,
        f.last_fetched_at, f.next_check_at, f.etag, f.last_modified, f.error_count, f.last_error, f.is_gone, f.icon_hash,
        {s}.unread_count, {s}.starred_count
        """;

    private const string Joins = "JOIN feeds f ON f.id = s.feed_id LEFT JOIN folders fo ON fo.id = s.folder_id";

    /// <summary>The user's feeds, by title; only those of one folder when <paramref name="folderId"/> is given, only those outside folders when <paramref name="unfiled"/>.</summary>
    public Task<IReadOnlyList<SubscribedFeed>> ListAsync(long userId, long? folderId = null, bool unfiled = false, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SubscribedFeed>>(async c => (await c.QueryAsync<SubscribedFeed>(
            $"""
            SELECT {Columns("s")} FROM subscriptions s {Joins}
            WHERE s.user_id = @userId AND (@folderId IS NULL OR s.folder_id = @folderId) AND (NOT @unfiled OR s.folder_id IS NULL)
            ORDER BY LOWER(COALESCE(s.title, f.title, f.url)), s.feed_id
            """, new { userId, folderId, unfiled })).ToList(), cancellationToken);

    /// <summary>One of the user's feeds, or null when the user does not follow it.</summary>
    public Task<SubscribedFeed?> GetAsync(long userId, long feedId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<SubscribedFeed?>(
            $"SELECT {Columns("s")} FROM subscriptions s {Joins} WHERE s.user_id = @userId AND s.feed_id = @feedId", new { userId, feedId }), cancellationToken);

    /// <summary>How many read and unread entries the user has in each followed feed (hidden ones, all read, left out).</summary>
    public Task<IReadOnlyList<(long FeedId, long Read, long Unread)>> CountersAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<(long, long, long)>>(async c => (await c.QueryAsync<(long, long, long)>(
            """
            SELECT s.feed_id,
                   (SELECT COUNT(*) FROM entry_states es WHERE es.user_id = s.user_id AND es.feed_id = s.feed_id AND NOT es.is_hidden) - CAST(s.unread_count AS BIGINT),
                   CAST(s.unread_count AS BIGINT)
            FROM subscriptions s WHERE s.user_id = @userId ORDER BY s.feed_id
            """, new { userId })).ToList(), cancellationToken);
}
