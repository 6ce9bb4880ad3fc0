using System.Data.Common;
using System.Text;
using Dapper;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;

namespace Inertia.Storage.Sync;

/// <summary>
/// The queries of sync clients (the Google Reader and Fever APIs): long lists of entry ids, entries by id,
/// unread counts per feed, and state changes in bulk. Like the reader's, every query starts from the user's
/// own state rows, so another user's entry ids find nothing.
/// </summary>
internal sealed class SyncStore(Database database)
{
    /// <summary>Up to <paramref name="limit"/> entry ids of the list <paramref name="filter"/> describes, in its order, with their sort keys.</summary>
    public Task<List<EntryCursor>> IdsAsync(long userId, SyncFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = IdsCommand(userId, filter, limit);
        return database.ReadAsync(c => RowReader.ReadAsync(c, sql, parameters, row => new EntryCursor(row.GetInt64(0), row.GetInt64(1))), cancellationToken);
    }

    /// <summary>The SQL and parameters of <see cref="IdsAsync"/> (the query-plan tests read it).</summary>
    internal static (string Sql, DynamicParameters Parameters) IdsCommand(long userId, SyncFilter filter, int limit)
    {
        var where = new StringBuilder("s.user_id = @userId");
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        parameters.Add("limit", limit);
        if (filter.FeedId is { } feedId)
        {
            where.Append(" AND s.feed_id = @feedId");
            parameters.Add("feedId", feedId);
        }
        if (filter.FolderTitle is { } folder)
        {
            // A Google Reader label is a folder of feeds and the reader's own label on entries alike (as in FreshRSS).
            where.Append(" AND (s.feed_id IN (SELECT sub.feed_id FROM subscriptions sub JOIN folders fo ON fo.id = sub.folder_id WHERE sub.user_id = @userId AND fo.user_id = @userId AND fo.title = @folder)");
            where.Append(" OR s.entry_id IN (SELECT l.entry_id FROM entry_labels l WHERE l.user_id = @userId AND l.label_key = @labelKey))");
            parameters.Add("folder", folder);
            parameters.Add("labelKey", LabelName.Key(folder));
        }
        if (filter.Read is { } read)
        {
            where.Append(read ? " AND s.is_read" : " AND NOT s.is_read");
        }
        if (filter.Starred is { } starred)
        {
            where.Append(starred ? " AND s.is_starred" : " AND NOT s.is_starred");
        }
        if (filter.PublishedFrom is { } from)
        {
            where.Append(" AND s.published_at >= @from");
            parameters.Add("from", from);
        }
        if (filter.PublishedTo is { } to)
        {
            where.Append(" AND s.published_at <= @to");
            parameters.Add("to", to);
        }
        if (filter.After is { } after)
        {
            where.Append(filter.OldestFirst ? " AND (s.published_at, s.entry_id) > (@afterPublished, @afterId)" : " AND (s.published_at, s.entry_id) < (@afterPublished, @afterId)");
            parameters.Add("afterPublished", after.PublishedAt);
            parameters.Add("afterId", after.EntryId);
        }
        var descending = !filter.OldestFirst;
        string Walk(string state) =>
            $"SELECT s.published_at AS published_at, s.entry_id AS entry_id FROM entry_states s WHERE {where}{state} ORDER BY {DateOrderedStates.Order("s.", descending)} LIMIT @limit";
        // The whole reading list, read and unread, merges walks of the two date indexes. A feed's or the starred
        // entries have an index of their own; a folder's are sorted, as walking a date index for a small folder
        // could pass over every other entry. Hidden entries are in no list; they are read, so the unread walk, which
        // never leaves its index, need not say so.
        var readAndUnread = filter is { Read: null, FeedId: null, FolderTitle: null } && filter.Starred != true;
        return (readAndUnread ? DateOrderedStates.Merge(Walk(" AND NOT s.is_read"), Walk(" AND " + DateOrderedStates.Read), descending, "@limit")
            : Walk(filter.Read == false ? "" : " AND NOT s.is_hidden"), parameters);
    }

    /// <summary>
    /// The user's entries among <paramref name="entryIds"/> (others' and unknown ids are left out), with the user's labels,
    /// in no particular order.
    /// </summary>
    public Task<List<SyncItem>> ItemsAsync(long userId, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult(new List<SyncItem>())
            : database.ReadAsync(async c =>
            {
                var parameters = new { userId, ids = entryIds.ToList() };
                var items = await RowReader.ReadAsync(c,
                    $"""
                    SELECT s.entry_id, s.feed_id, COALESCE(sub.title, f.title, f.url), f.site_url, fo.title, e.title, e.url, e.authors, e.enclosures,
                           s.published_at, s.created_at, s.is_read, s.is_starred, e.summary, e.content
                    FROM entry_states s
                    JOIN entries e ON e.id = s.entry_id
                    JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id
                    JOIN feeds f ON f.id = s.feed_id
                    LEFT JOIN folders fo ON fo.id = sub.folder_id
                    WHERE s.user_id = @userId AND {database.InList("s.entry_id", "@ids")}
                    """, parameters, Item);
                var labels = (await c.QueryAsync<(long EntryId, string Label)>(
                        $"SELECT entry_id, label FROM entry_labels WHERE user_id = @userId AND {database.InList("entry_id", "@ids")} ORDER BY label_key", parameters))
                    .ToLookup(l => l.EntryId, l => l.Label);
                return items.Select(i => labels.Contains(i.EntryId) ? i with { Labels = labels[i.EntryId].ToList() } : i).ToList();
            }, cancellationToken);

    // In the order of ItemsAsync's columns.
    private static SyncItem Item(DbDataReader row) => new()
    {
        EntryId = row.GetInt64(0),
        FeedId = row.GetInt64(1),
        FeedTitle = row.GetString(2),
        SiteUrl = row.NullableString(3),
        FolderTitle = row.NullableString(4),
        Title = row.NullableString(5),
        Url = row.NullableString(6),
        AuthorsJson = row.NullableString(7),
        EnclosuresJson = row.NullableString(8),
        PublishedAt = row.GetInt64(9),
        ArrivedAt = row.GetInt64(10),
        IsRead = row.GetBoolean(11),
        IsStarred = row.GetBoolean(12),
        Summary = row.NullableString(13),
        Content = row.NullableString(14),
    };

    /// <summary>Each followed feed's unread count and newest entry's publication time.</summary>
    public Task<List<FeedUnread>> UnreadCountsAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => RowReader.ReadAsync(c,
            """
            SELECT sub.feed_id, fo.title, sub.unread_count,
                   (SELECT MAX(s.published_at) FROM entry_states s WHERE s.user_id = sub.user_id AND s.feed_id = sub.feed_id)
            FROM subscriptions sub LEFT JOIN folders fo ON fo.id = sub.folder_id
            WHERE sub.user_id = @userId
            """, new { userId }, row => new FeedUnread(row.GetInt64(0), row.NullableString(1), row.GetInt32(2), row.IsDBNull(3) ? null : row.GetInt64(3))),
            cancellationToken);

    /// <summary>Entry ids in id order, hidden ones left out: above <paramref name="sinceId"/> ascending, or below <paramref name="maxId"/> descending (Fever's paging).</summary>
    public Task<List<long>> IdsByIdAsync(long userId, long? sinceId, long? maxId, int limit, CancellationToken cancellationToken = default)
    {
        var (condition, order) = maxId is not null && sinceId is null ? ("entry_id < @maxId", "entry_id DESC") : ("entry_id > @sinceId", "entry_id");
        return database.ReadAsync(c => RowReader.ReadAsync(c,
            $"SELECT entry_id FROM entry_states WHERE user_id = @userId AND {condition} AND NOT is_hidden ORDER BY {order} LIMIT @limit",
            new { userId, sinceId = sinceId ?? 0, maxId, limit }, row => row.GetInt64(0)), cancellationToken);
    }

    /// <summary>The ids of all the user's unread (or starred, not hidden) entries, in id order.</summary>
    public Task<List<long>> StateIdsAsync(long userId, bool starred, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => RowReader.ReadAsync(c,
            $"SELECT entry_id FROM entry_states WHERE user_id = @userId AND {(starred ? "is_starred AND NOT is_hidden" : "NOT is_read")} ORDER BY entry_id",
            new { userId }, row => row.GetInt64(0)), cancellationToken);

    /// <summary>How many entries the user has, as the lists show them (hidden ones left out).</summary>
    public Task<long> CountAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM entry_states WHERE user_id = @userId AND NOT is_hidden", new { userId }), cancellationToken);

    /// <summary>Stars or unstars several of the user's entries; returns how many changed.</summary>
    public Task<int> SetStarredAsync(long userId, IReadOnlyCollection<long> entryIds, bool starred, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                $"""
                UPDATE entry_states SET is_starred = @starred, starred_at = CASE WHEN @starred THEN @now ELSE NULL END
                WHERE user_id = @userId AND {database.InList("entry_id", "@ids")} AND is_starred <> @starred
                """, new { userId, ids = entryIds.ToList(), starred, now }, transaction), cancellationToken);

    /// <summary>When any of the user's feeds was last fetched (Unix ms), or null.</summary>
    public Task<long?> LastRefreshedAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long?>(
            "SELECT MAX(f.last_fetched_at) FROM subscriptions sub JOIN feeds f ON f.id = sub.feed_id WHERE sub.user_id = @userId", new { userId }), cancellationToken);

    /// <summary>The site icons of the user's feeds: feed id, content type, bytes.</summary>
    public Task<List<(long FeedId, string ContentType, byte[] Data)>> IconsAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => RowReader.ReadAsync(c,
            "SELECT i.feed_id, i.content_type, i.data FROM feed_icons i JOIN subscriptions sub ON sub.feed_id = i.feed_id WHERE sub.user_id = @userId",
            new { userId }, row => (row.GetInt64(0), row.GetString(1), (byte[])row.GetValue(2))), cancellationToken);
}
