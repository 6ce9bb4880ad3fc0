using System.Text;
using Dapper;
using Inertia.Storage.Subscriptions;

namespace Inertia.Storage.Entries;

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

    private const string SubscriptionJoin = "JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id";

    private const string FromStates = $"FROM entry_states s {SubscriptionJoin}";

    /// <summary>The entries the filter selects, in its order and range, and how many it selects in all.</summary>
    public Task<(IReadOnlyList<FullEntry> Entries, long Total)> FindAsync(long userId, EntryFilter filter, CancellationToken cancellationToken = default)
    {
        var (pageSql, countSql, parameters) = FindCommand(userId, filter);
        return database.ReadAsync<(IReadOnlyList<FullEntry>, long)>(async c =>
        {
            var entries = (await c.QueryAsync<FullEntry, SubscribedFeed, FullEntry>(pageSql, (entry, feed) => entry with { Feed = feed }, parameters, splitOn: "feed_id")).ToList();
            var total = await c.ExecuteScalarAsync<long>(countSql, parameters);
            return (entries, total);
        }, cancellationToken);
    }

    /// <summary>The SQL of <see cref="FindAsync"/>, the page's and the count's, and their parameters (the query-plan tests read them).</summary>
    internal static (string PageSql, string CountSql, DynamicParameters Parameters) FindCommand(long userId, EntryFilter filter)
    {
        var (where, parameters) = Where(userId, filter);
        var searchJoin = filter.Search is { NeedsEntry: true } ? "JOIN entries e ON e.id = s.entry_id" : "";
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
        var states = "entry_states s";
        var pageWhere = where.ToString();
        if (WalksDateIndexes(filter))
        {
            // The page's state rows are chosen first, by walking both date indexes as far as the page's end, so
            // that a page costs its own length and its offset, not a sort of the whole list; only then are they
            // joined to their entries and feeds. The walks carry every column of entry_states the query reads.
            parameters.Add("walk", (long)filter.Limit!.Value + filter.Offset);
            string Walk(string state) =>
                $"""
                SELECT s.entry_id AS entry_id, s.user_id AS user_id, s.feed_id AS feed_id, s.published_at AS published_at,
                       s.created_at AS created_at, s.is_read AS is_read, s.is_starred AS is_starred
                {FromStates} WHERE {where} AND {state} ORDER BY {DateOrderedStates.Order("s.", filter.Descending)} LIMIT @walk
                """;
            states = $"({DateOrderedStates.Merge(Walk("NOT s.is_read"), Walk(DateOrderedStates.Read), filter.Descending, "@walk")}) s";
            // The walks applied the filter already.
            pageWhere = "TRUE";
        }
        var pageSql = $"""
            SELECT {EntryColumns}, {SubscribedFeedStore.Columns("sub")}
            FROM {states} {SubscriptionJoin} JOIN entries e ON e.id = s.entry_id JOIN feeds f ON f.id = s.feed_id LEFT JOIN folders fo ON fo.id = sub.folder_id
            WHERE {pageWhere}
            ORDER BY {order}{range}
            """;
        return (pageSql, countSql, parameters);
    }

    /// <summary>
    /// Whether a page of <paramref name="filter"/> is best picked from the two date indexes
    /// (<see cref="DateOrderedStates"/>): read and unread entries by publication time, from every feed. A feed,
    /// the starred entries and a range of ids have indexes of their own; a folder's or a search's entries are
    /// sorted, as a walk of a date index could pass over every other entry to find them.
    /// </summary>
    private static bool WalksDateIndexes(EntryFilter filter) =>
        filter is { Order: EntryOrder.PublishedAt, Read: null, FeedId: null, FolderId: null, Unfiled: false, Search: null, AfterEntryId: null, BeforeEntryId: null, Limit: not null }
        && filter.Starred != true;

    /// <summary>One of the user's entries (within the filter's feed or folder, when it names one), hidden or not, or null.</summary>
    public async Task<FullEntry?> GetAsync(long userId, long entryId, EntryFilter? within = null, CancellationToken cancellationToken = default)
    {
        var (entries, _) = await FindAsync(userId, (within ?? new EntryFilter()) with { AfterEntryId = entryId - 1, BeforeEntryId = entryId + 1, WithHidden = true, Limit = 1, Offset = 0 }, cancellationToken);
        return entries.SingleOrDefault();
    }

    /// <summary>Marks read every unread entry the filter selects; returns how many.</summary>
    public Task<int> MarkReadAsync(long userId, EntryFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(userId, filter with { Read = false });
        var searchJoin = filter.Search is { NeedsEntry: true } ? "JOIN entries e ON e.id = s.entry_id" : "";
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
        // Hidden entries are in no list that does not ask for them; they are read, so a list of unread ones need not say so.
        if (filter is { WithHidden: false, Read: not false } && filter.Search is not { SeesHidden: true })
        {
            where.Append(" AND NOT s.is_hidden");
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
        if (filter.Search is { } search)
        {
            where.Append(" AND ").Append(search.Where);
            parameters.AddDynamicParams(search.Parameters);
            if (search.Match is { } match)
            {
                where.Append(" AND ").Append(search.MatchCondition("@searchMatch"));
                parameters.Add("searchMatch", match);
            }
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

}
