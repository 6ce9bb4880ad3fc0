using System.Text;
using Dapper;

namespace Inertia.Storage;

/// <summary>
/// A user's entries selected by an <see cref="EntryFilter"/>: pages with their total, one entry, marking
/// read, toggling the star. Every query starts from the user's own state rows, so another user's entry is
/// never listed, shown or changed.
/// </summary>
internal sealed class EntryFilterStore(Database database)
{
    private const string EntryColumns =
        """
        s.entry_id, s.is_read, s.is_starred, s.published_at, s.created_at, e.changed_at, e.title, e.url, e.comments_url,
        e.hash, e.authors AS authors_json, e.categories AS categories_json, e.enclosures AS enclosures_json, e.summary, e.content
        """;

    private const string FromStates =
        "FROM entry_states s JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id";

    /// <summary>The entries the filter selects, in its order and range, and how many it selects in all.</summary>
    public Task<(IReadOnlyList<FullEntry> Entries, long Total)> FindAsync(long userId, EntryFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(userId, filter);
        var searchJoin = filter.Search is { Length: > 0 } ? "JOIN entries e ON e.id = s.entry_id" : "";
        var countSql = $"SELECT COUNT(*) {FromStates} {searchJoin} WHERE {where}";
        var direction = filter.Descending ? "DESC" : "ASC";
        var order = OrderColumn(filter.Order) is { } column ? $"{column} {direction}, s.entry_id {direction}" : $"s.entry_id {direction}";
        var range = "";
        if (filter.Limit is { } limit)
        {
            range = " LIMIT @limit OFFSET @offset";
            parameters.Add("limit", limit);
        }
        else if (filter.Offset > 0)
        {
            // Neither engine has OFFSET without LIMIT in the same spelling; a limit no list reaches does.
            range = " LIMIT @limit OFFSET @offset";
            parameters.Add("limit", long.MaxValue);
        }
        parameters.Add("offset", filter.Offset);
        var pageSql = $"""
            SELECT {EntryColumns}, {SubscribedFeedStore.Columns("sub")}
            {FromStates} JOIN entries e ON e.id = s.entry_id JOIN feeds f ON f.id = s.feed_id LEFT JOIN folders fo ON fo.id = sub.folder_id
            WHERE {where}
            ORDER BY {order}{range}
            """;
        return database.ReadAsync<(IReadOnlyList<FullEntry>, long)>(async c =>
        {
            var entries = (await c.QueryAsync<FullEntry, SubscribedFeed, FullEntry>(pageSql, (entry, feed) => entry with { Feed = feed }, parameters, splitOn: "feed_id")).ToList();
            var total = await c.ExecuteScalarAsync<long>(countSql, parameters);
            return (entries, total);
        }, cancellationToken);
    }

    /// <summary>One of the user's entries (within the filter's feed or folder, when it names one), or null.</summary>
    public async Task<FullEntry?> GetAsync(long userId, long entryId, EntryFilter? within = null, CancellationToken cancellationToken = default)
    {
        var (entries, _) = await FindAsync(userId, (within ?? new EntryFilter()) with { AfterEntryId = entryId - 1, BeforeEntryId = entryId + 1, Limit = 1, Offset = 0 }, cancellationToken);
        return entries.SingleOrDefault();
    }

    /// <summary>Marks read every unread entry the filter selects; returns how many.</summary>
    public Task<int> MarkReadAsync(long userId, EntryFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(userId, filter with { Read = false });
        var searchJoin = filter.Search is { Length: > 0 } ? "JOIN entries e ON e.id = s.entry_id" : "";
        parameters.Add("now", now);
        var sql = $"""
            UPDATE entry_states SET is_read = TRUE, read_at = @now
            WHERE user_id = @userId AND NOT is_read AND entry_id IN (SELECT s.entry_id {FromStates} {searchJoin} WHERE {where})
            """;
        return database.WriteAsync((connection, transaction) => connection.ExecuteAsync(sql, parameters, transaction), cancellationToken);
    }

    /// <summary>Stars an unstarred entry and unstars a starred one; false when the user has no such entry.</summary>
    public Task<bool> ToggleStarredAsync(long userId, long entryId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            """
            UPDATE entry_states SET is_starred = NOT is_starred, starred_at = CASE WHEN is_starred THEN NULL ELSE @now END
            WHERE user_id = @userId AND entry_id = @entryId
            """, new { userId, entryId, now }, transaction) == 1, cancellationToken);

    private static string? OrderColumn(EntryOrder order) => order switch
    {
        EntryOrder.Status => "s.is_read",
        EntryOrder.PublishedAt => "s.published_at",
        EntryOrder.CreatedAt => "s.created_at",
        EntryOrder.ChangedAt => "e.changed_at",
        // The feeds outside folders first, on both engines (they sort NULL differently).
        EntryOrder.CategoryId => "COALESCE(sub.folder_id, 0)",
        EntryOrder.CategoryTitle => "COALESCE(fo.title, '')",
        EntryOrder.Title => "e.title",
        _ => null,
    };

    private static (StringBuilder Where, DynamicParameters Parameters) Where(long userId, EntryFilter filter)
    {
        var where = new StringBuilder("s.user_id = @userId");
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        if (filter.Nothing)
        {
            where.Append(" AND 1 = 0");
        }
        if (filter.Read is { } read)
        {
            where.Append(read ? " AND s.is_read" : " AND NOT s.is_read");
        }
        if (filter.Starred is { } starred)
        {
            where.Append(starred ? " AND s.is_starred" : " AND NOT s.is_starred");
        }
        if (filter.FeedId is { } feedId)
        {
            where.Append(" AND s.feed_id = @feedId");
            parameters.Add("feedId", feedId);
        }
        if (filter.FolderId is { } folderId)
        {
            where.Append(" AND sub.folder_id = @folderId");
            parameters.Add("folderId", folderId);
        }
        if (filter.Unfiled)
        {
            where.Append(" AND sub.folder_id IS NULL");
        }
        Range(where, parameters, "s.published_at", filter.PublishedAfter?.ToUnixTimeMilliseconds(), filter.PublishedBefore?.ToUnixTimeMilliseconds(), "published");
        Range(where, parameters, "s.entry_id", filter.AfterEntryId, filter.BeforeEntryId, "entry");
        if (filter.Search is { Length: > 0 } text)
        {
            where.Append(@" AND (LOWER(e.title) LIKE @search ESCAPE '\' OR LOWER(e.content) LIKE @search ESCAPE '\' OR LOWER(e.summary) LIKE @search ESCAPE '\')");
            parameters.Add("search", "%" + EscapeLike(text.ToLowerInvariant()) + "%");
        }
        return (where, parameters);
    }

    private static void Range(StringBuilder where, DynamicParameters parameters, string column, long? after, long? before, string name)
    {
        if (after is { } low)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND {column} > @{name}After");
            parameters.Add(name + "After", low);
        }
        if (before is { } high)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND {column} < @{name}Before");
            parameters.Add(name + "Before", high);
        }
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
