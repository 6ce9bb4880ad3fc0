using Dapper;
using Inertia.Storage.Entries;

namespace Inertia.Storage.Public;

/// <summary>
/// What anyone may read without signing in: the feeds the directory makes public (see
/// <see cref="DirectoryStore.FeedIsPublic"/>), their entries, and single articles. Every query carries that
/// condition, so a feed only users follow privately answers as if it did not exist.
/// </summary>
internal sealed class PublicFeedStore(Database database)
{
    /// <summary>The columns of <see cref="EntryDetail"/> for an entry aliased <c>e</c> of a feed aliased <c>f</c>, without a user's state.</summary>
    public const string ArticleSelect =
        """
        SELECT e.id AS entry_id, e.feed_id, COALESCE(f.title, f.url) AS feed_title, f.icon_hash,
               e.title, e.url, e.summary, e.content, e.comments_url, e.language, f.language AS feed_language, e.published_at, e.snippet, e.image_url,
               e.authors AS authors_json, e.categories AS categories_json, e.enclosures AS enclosures_json
        FROM entries e
        JOIN feeds f ON f.id = e.feed_id
        """;

    /// <summary>A public feed, or null when there is no such feed or it is not public.</summary>
    public Task<PublicFeed?> FeedAsync(long feedId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<PublicFeed?>(
            $"""
            SELECT f.id, COALESCE(f.title, f.url) AS title, f.url, f.description, f.site_url, f.language, f.icon_hash,
                   (SELECT COUNT(*) FROM subscriptions s WHERE s.feed_id = f.id) AS subscribers
            FROM feeds f
            WHERE f.id = @feedId AND {DirectoryStore.FeedIsPublic}
            """, new { feedId }), cancellationToken);

    /// <summary>
    /// A page of a feed's entries, newest first, continuing after <paramref name="after"/> (keyset, on the
    /// feed's (published, id) index). The caller has checked that the feed is public.
    /// </summary>
    public Task<PublicEntryPage> EntriesAsync(long feedId, EntryCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { feedId, limit = limit + 1 });
        var continuing = "";
        if (after is { } cursor)
        {
            continuing = "AND (e.published_at, e.id) < (@afterPublished, @afterId)";
            parameters.Add("afterPublished", cursor.PublishedAt);
            parameters.Add("afterId", cursor.EntryId);
        }
        return database.ReadAsync(async c =>
        {
            var rows = await RowReader.ReadAsync(c,
                $"SELECT e.id, e.title, e.published_at FROM entries e WHERE e.feed_id = @feedId {continuing} ORDER BY e.published_at DESC, e.id DESC LIMIT @limit",
                parameters, row => new PublicEntryItem(row.GetInt64(0), row.NullableString(1), row.Time(2)));
            if (rows.Count <= limit)
            {
                return new PublicEntryPage(rows, null);
            }
            rows.RemoveAt(rows.Count - 1);
            return new PublicEntryPage(rows, rows[^1].Cursor);
        }, cancellationToken);
    }

    /// <summary>An entry of a public feed, or null when there is no such entry or its feed is not public.</summary>
    public Task<EntryDetail?> ArticleAsync(long entryId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<EntryDetail?>(
            $"{ArticleSelect} WHERE e.id = @entryId AND {DirectoryStore.FeedIsPublic}", new { entryId }), cancellationToken);
}
