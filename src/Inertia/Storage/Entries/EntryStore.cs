using System.Text;
using Dapper;

namespace Inertia.Storage.Entries;

/// <summary>
/// A user's entries: the lists, one entry with its neighbours, and the read and starred states. Every
/// query starts from the user's own state rows (<c>entry_states</c>), so no other user's entry can be
/// listed, shown or changed, and every list is read from its indexes in the order it is shown.
/// </summary>
internal sealed class EntryStore(Database database)
{
    /// <summary>One page of a list; <see cref="EntryPage.Next"/> says where the next page starts.</summary>
    public Task<EntryPage> PageAsync(long userId, EntryQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = PageCommand(userId, query);
        return database.ReadAsync(async c =>
        {
            var rows = await RowReader.ReadAsync(c, sql, parameters, ListItem);
            if (rows.Count <= query.Limit)
            {
                return new EntryPage(rows, null);
            }
            rows.RemoveAt(rows.Count - 1);
            return new EntryPage(rows, rows[^1].Cursor);
        }, cancellationToken);
    }

    /// <summary>The query of one page of a list, and its parameters.</summary>
    internal static (string Sql, DynamicParameters Parameters) PageCommand(long userId, EntryQuery query)
    {
        var (where, parameters) = Filter(userId, query);
        var descending = !query.OldestFirst;
        var keyset = "";
        if (query.After is { } after)
        {
            keyset = descending ? " AND (s.published_at, s.entry_id) < (@afterPublished, @afterId)" : " AND (s.published_at, s.entry_id) > (@afterPublished, @afterId)";
            parameters.Add("afterPublished", after.PublishedAt);
            parameters.Add("afterId", after.EntryId);
        }
        parameters.Add("limit", query.Limit + 1);
        // The page's state rows are chosen first, from entry_states alone, so that the planner of either engine
        // walks the list's index in order and stops after the page, whatever its statistics say; only then
        // are the page's rows joined to their entries and feeds.
        var sql = $"""
            SELECT s.entry_id, s.feed_id, s.published_at, s.is_read, s.is_starred, e.title, e.url, e.snippet,
                   COALESCE(sub.title, f.title, f.url) AS feed_title,
                   f.icon_hash, sub.folder_id
            FROM ({StateRows(query, where + keyset, descending, "@limit", "entry_id", "feed_id", "published_at", "is_read", "is_starred", "user_id")}) s
            JOIN entries e ON e.id = s.entry_id
            JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id
            JOIN feeds f ON f.id = s.feed_id
            ORDER BY {DateOrderedStates.Order("s.", descending)}
            """;
        return (sql, parameters);
    }

    // In the order of the page query's columns.
    private static EntryListItem ListItem(System.Data.Common.DbDataReader row) => new()
    {
        EntryId = row.GetInt64(0),
        FeedId = row.GetInt64(1),
        PublishedAt = row.Time(2),
        IsRead = row.GetBoolean(3),
        IsStarred = row.GetBoolean(4),
        Title = row.NullableString(5),
        Url = row.NullableString(6),
        Snippet = row.NullableString(7),
        FeedTitle = row.GetString(8),
        IconHash = row.NullableString(9),
        FolderId = row.IsDBNull(10) ? null : row.GetInt64(10),
    };

    /// <summary>One of the user's entries, or null when the user has no such entry.</summary>
    public Task<EntryDetail?> GetAsync(long userId, long entryId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<EntryDetail?>(
            """
            SELECT s.entry_id, s.feed_id, sub.folder_id, COALESCE(sub.title, f.title, f.url) AS feed_title, f.icon_hash,
                   e.title, e.url, e.summary, e.content, e.comments_url, e.language, f.language AS feed_language,
                   s.published_at, s.is_read, s.is_starred,
                   e.authors AS authors_json, e.categories AS categories_json, e.enclosures AS enclosures_json
            FROM entry_states s
            JOIN entries e ON e.id = s.entry_id
            JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id
            JOIN feeds f ON f.id = s.feed_id
            WHERE s.user_id = @userId AND s.entry_id = @entryId
            """, new { userId, entryId }), cancellationToken);

    /// <summary>The entries just before and just after <paramref name="at"/> in the list <paramref name="query"/> describes.</summary>
    public Task<(long? Previous, long? Next)> NeighboursAsync(long userId, EntryQuery query, EntryCursor at, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Filter(userId, query);
        parameters.Add("atPublished", at.PublishedAt);
        parameters.Add("atId", at.EntryId);
        // In a newest-first list the previous entry is newer: the smallest key above this one.
        var descending = !query.OldestFirst;
        var (before, after) = descending ? (">", "<") : ("<", ">");
        var previousSql = $"SELECT entry_id FROM ({StateRows(query, $"{where} AND (s.published_at, s.entry_id) {before} (@atPublished, @atId)", !descending, "1", "entry_id", "published_at")}) s";
        var nextSql = $"SELECT entry_id FROM ({StateRows(query, $"{where} AND (s.published_at, s.entry_id) {after} (@atPublished, @atId)", descending, "1", "entry_id", "published_at")}) s";
        return database.ReadAsync(async c => (
            await c.ExecuteScalarAsync<long?>(previousSql, parameters),
            await c.ExecuteScalarAsync<long?>(nextSql, parameters)), cancellationToken);
    }

    /// <summary>Marks entries read or unread; returns how many changed.</summary>
    public Task<int> SetReadAsync(long userId, IReadOnlyCollection<long> entryIds, bool read, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                $"""
                UPDATE entry_states SET is_read = @read, read_at = CASE WHEN @read THEN @now ELSE NULL END
                WHERE user_id = @userId AND {database.InList("entry_id", "@ids")} AND is_read <> @read
                """, new { userId, ids = entryIds.ToList(), read, now }, transaction), cancellationToken);

    /// <summary>Stars or unstars an entry; false when the user has no such entry.</summary>
    public Task<bool> SetStarredAsync(long userId, long entryId, bool starred, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            """
            UPDATE entry_states SET is_starred = @starred, starred_at = CASE WHEN @starred THEN @now ELSE NULL END
            WHERE user_id = @userId AND entry_id = @entryId
            """, new { userId, entryId, starred, now }, transaction) == 1, cancellationToken);

    /// <summary>
    /// Marks read every unread entry of a list that had reached the user by <paramref name="shownAt"/> (when
    /// the list was shown: what arrived since stays unread), optionally only those published before
    /// <paramref name="publishedBefore"/>. Returns how many were marked.
    /// </summary>
    public Task<int> MarkAllReadAsync(long userId, EntryQuery scope, DateTimeOffset shownAt, DateTimeOffset? publishedBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Filter(userId, scope with { UnreadOnly = false, ReadSince = null });
        where.Append(" AND NOT s.is_read AND s.created_at <= @shownAt");
        parameters.Add("shownAt", shownAt);
        if (publishedBefore is { } before)
        {
            where.Append(" AND s.published_at < @before");
            parameters.Add("before", before);
        }
        parameters.Add("now", now);
        // The condition is written against alias s; UPDATE names the table itself, so it selects the keys first.
        var sql = $"""
            UPDATE entry_states SET is_read = TRUE, read_at = @now
            WHERE user_id = @userId AND entry_id IN (SELECT s.entry_id FROM entry_states s WHERE {where})
            """;
        return database.WriteAsync((connection, transaction) => connection.ExecuteAsync(sql, parameters, transaction), cancellationToken);
    }

    /// <summary>How many unread entries the user has from <paramref name="since"/> on (the Today view's count).</summary>
    public Task<long> CountUnreadSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM entry_states WHERE user_id = @userId AND NOT is_read AND published_at >= @since", new { userId, since }), cancellationToken);

    /// <summary>
    /// The SQL that picks a list's state rows in order, at most <paramref name="limit"/> of them: a list that
    /// shows read and unread entries merges walks of both date indexes (<see cref="DateOrderedStates"/>). The
    /// feed and starred lists have an index each that holds read and unread rows alike. Hidden entries are read,
    /// so only a list that may show read entries has to leave them out.
    /// </summary>
    private static string StateRows(EntryQuery query, string where, bool descending, string limit, params string[] columns)
    {
        // Named outright: a compound's ORDER BY matches its terms to these names.
        var named = string.Join(", ", columns.Select(c => $"s.{c} AS {c}"));
        string Rows(string state) => $"SELECT {named} FROM entry_states s WHERE {where} AND {state} ORDER BY {DateOrderedStates.Order("s.", descending)} LIMIT {limit}";
        var onlyUnread = query.HidesRead && query.ReadSince is null;
        if (query.View is EntryView.Feed or EntryView.Starred || onlyUnread)
        {
            return Rows(onlyUnread ? "NOT s.is_read" : query.HidesRead ? "(NOT s.is_read OR s.read_at >= @readSince) AND NOT s.is_hidden" : "NOT s.is_hidden");
        }
        var unread = Rows("NOT s.is_read");
        var read = DateOrderedStates.Read;
        if (query.HidesRead)
        {
            // Only entries read since the list was shown; none can rank after the last unread row of a full
            // page, which bounds the walk of the read index (or it could walk every read entry).
            var (bound, compare, none) = descending ? ("MIN", ">=", "-1000000000000000000") : ("MAX", "<=", "1000000000000000000");
            read += $" AND s.read_at >= @readSince AND s.published_at {compare} COALESCE((SELECT {bound}(u.published_at) FROM ({unread}) u HAVING COUNT(*) >= {limit}), {none})";
        }
        return DateOrderedStates.Merge(unread, Rows(read), descending, limit);
    }

    private static (StringBuilder Where, DynamicParameters Parameters) Filter(long userId, EntryQuery query)
    {
        var where = new StringBuilder("s.user_id = @userId");
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        switch (query.View)
        {
            case EntryView.Starred:
                where.Append(" AND s.is_starred");
                break;
            case EntryView.Today:
                where.Append(" AND s.published_at >= @since");
                parameters.Add("since", query.Since ?? throw new ArgumentException("The Today view needs a start.", nameof(query)));
                break;
            case EntryView.Folder:
                where.Append(" AND s.feed_id IN (SELECT fs.feed_id FROM subscriptions fs WHERE fs.user_id = @userId AND fs.folder_id = @folderId)");
                parameters.Add("folderId", query.FolderId ?? throw new ArgumentException("A folder view needs a folder.", nameof(query)));
                break;
            case EntryView.Feed:
                where.Append(" AND s.feed_id = @feedId");
                parameters.Add("feedId", query.FeedId ?? throw new ArgumentException("A feed view needs a feed.", nameof(query)));
                break;
        }
        if (query.ReadSince is { } readSince && query.HidesRead)
        {
            parameters.Add("readSince", readSince);
        }
        return (where, parameters);
    }
}
