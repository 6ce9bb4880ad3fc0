using Dapper;
using Inertia.Storage;
using Inertia.Storage.Entries;

namespace Inertia.Search;

/// <summary>
/// The SQL of one search for one user, along one <see cref="SearchPath"/>: the page, the count, marking read.
/// </summary>
internal sealed class SearchPlan(Database database, long userId, SearchRequest request, CompiledSearch compiled, SearchPath path, SearchOrder order)
{
    private const string StateColumns = "s.entry_id AS entry_id, s.feed_id AS feed_id, s.published_at AS published_at, s.is_read AS is_read, s.is_starred AS is_starred";

    public SearchOrder Order => order;

    private bool Descending => order != SearchOrder.Oldest;

    private bool OnlyUnread => compiled.OnlyUnread || request.UnreadOnly;

    /// <summary>A page of <paramref name="limit"/> rows after <paramref name="after"/> (by date) or <paramref name="offset"/> rows (by relevance).</summary>
    public (string Sql, DynamicParameters Parameters) Page(EntryCursor? after, int offset, int limit)
    {
        var parameters = Parameters();
        parameters.Add("limit", limit);
        var keyset = "";
        if (after is { } cursor && order != SearchOrder.Relevance)
        {
            keyset = Descending ? " AND (s.published_at, s.entry_id) < (@afterPublished, @afterId)" : " AND (s.published_at, s.entry_id) > (@afterPublished, @afterId)";
            parameters.Add("afterPublished", cursor.PublishedAt);
            parameters.Add("afterId", cursor.EntryId);
        }
        string states;
        string outerOrder;
        if (order == SearchOrder.Relevance)
        {
            parameters.Add("offset", offset);
            states = $"SELECT {StateColumns}, m.score AS score {IndexFirstFrom(withScore: true)} WHERE {Where()} ORDER BY m.score DESC, s.entry_id DESC LIMIT @limit OFFSET @offset";
            outerOrder = "s.score DESC, s.entry_id DESC";
        }
        else
        {
            states = path == SearchPath.IndexFirst
                ? $"SELECT {StateColumns} {IndexFirstFrom(withScore: false)} WHERE {Where()}{keyset} ORDER BY {DateOrderedStates.Order("s.", Descending)} LIMIT @limit"
                : Walk(keyset, "@limit");
            outerOrder = DateOrderedStates.Order("s.", Descending);
        }
        var sql = $"""
            SELECT s.entry_id, s.feed_id, s.published_at, s.is_read, s.is_starred, e.title, e.url, e.snippet,
                   COALESCE(sub.title, f.title, f.url) AS feed_title, f.icon_hash, sub.folder_id, e.summary, e.content
            FROM ({states}) s
            JOIN entries e ON e.id = s.entry_id
            JOIN subscriptions sub ON sub.user_id = @userId AND sub.feed_id = s.feed_id
            JOIN feeds f ON f.id = s.feed_id
            ORDER BY {outerOrder}
            """;
        return (sql, parameters);
    }

    /// <summary>How many entries match: all of them, or no more than <paramref name="limit"/> (when the words are common).</summary>
    public (string Sql, DynamicParameters Parameters) Count(int? limit)
    {
        var parameters = Parameters();
        if (limit is null)
        {
            return ($"SELECT COUNT(*) {IndexFirstFrom(withScore: false)} WHERE {Where()}", parameters);
        }
        parameters.Add("countLimit", limit.Value);
        // With words, the index's matches are taken in its own order and each looked up by key until the limit: asking the
        // index about each state row instead costs a lookup of the words per row (measured: 1.2 s at 1,000,000 entries).
        return compiled.Match is null
            ? ($"SELECT COUNT(*) FROM (SELECT 1 FROM entry_states s {EntryJoin} WHERE {Where()} LIMIT @countLimit) c", parameters)
            : ($"SELECT COUNT(*) FROM (SELECT 1 {IndexFirstFrom(withScore: false)} WHERE {Where()} LIMIT @countLimit) c", parameters);
    }

    /// <summary>The SQL that marks read every match (no regular expression: those are checked outside the database).</summary>
    public (string Sql, DynamicParameters Parameters) MarkRead(DateTimeOffset now)
    {
        var parameters = Parameters();
        parameters.Add("now", now.ToUnixTimeMilliseconds());
        var matches = compiled.Match is null
            ? $"SELECT s.entry_id FROM entry_states s {EntryJoin} WHERE {Where()}"
            : $"SELECT s.entry_id {IndexFirstFrom(withScore: false)} WHERE {Where()}";
        return ($"UPDATE entry_states SET is_read = TRUE, read_at = @now WHERE user_id = @userId AND NOT is_read AND entry_id IN ({matches})", parameters);
    }

    private DynamicParameters Parameters()
    {
        var parameters = new DynamicParameters(compiled.Parameters);
        parameters.Add("userId", userId);
        if (compiled.Match is { } match)
        {
            parameters.Add("match", match);
        }
        if (request.FeedId is { } feedId)
        {
            parameters.Add("scopeFeed", feedId);
        }
        if (request.FolderId is { } folderId)
        {
            parameters.Add("scopeFolder", folderId);
        }
        if (request.ArrivedBy is { } arrivedBy)
        {
            parameters.Add("arrivedBy", arrivedBy.ToUnixTimeMilliseconds());
        }
        return parameters;
    }

    /// <summary>The index's matches joined to the user's state rows, the index first (SQLite's CROSS JOIN keeps that order).</summary>
    private string IndexFirstFrom(bool withScore)
    {
        if (database.Engine == DatabaseEngine.Sqlite)
        {
            // bm25 weighs a title match above an author's or a tag's, and those above the text's; FTS5 ranks lower as better.
            var score = withScore ? ", -bm25(entry_search, 10.0, 5.0, 5.0, 1.0) AS score" : "";
            return $"FROM (SELECT rowid AS entry_id{score} FROM entry_search WHERE entry_search MATCH @match) m CROSS JOIN entry_states s ON s.user_id = @userId AND s.entry_id = m.entry_id {EntryJoin}";
        }
        var rank = withScore ? ", ts_rank('{0.1, 0.5, 0.5, 1.0}', x.doc, CAST(@match AS tsquery)) AS score" : "";
        return $"FROM (SELECT x.entry_id{rank} FROM entry_search x WHERE x.doc @@ CAST(@match AS tsquery)) m JOIN entry_states s ON s.user_id = @userId AND s.entry_id = m.entry_id {EntryJoin}";
    }

    /// <summary>
    /// The user's state rows in date order, checking each against the index: one index walk when the rows all sit in one
    /// (a feed, the starred or the unread entries), otherwise walks of the unread and read indexes, merged. Hidden entries
    /// sit in neither date index, so a search for them is one walk of whatever index the planner picks.
    /// </summary>
    private string Walk(string keyset, string limit)
    {
        string Rows(string state) =>
            $"SELECT {StateColumns} FROM entry_states s {EntryJoin} WHERE {Where()}{WalkMatch}{keyset} AND {state} ORDER BY {DateOrderedStates.Order("s.", Descending)} LIMIT {limit}";
        if (request.FeedId is not null || compiled.OnlyStarred || OnlyUnread || compiled.SeesHidden)
        {
            return Rows(OnlyUnread ? "NOT s.is_read" : "TRUE");
        }
        return DateOrderedStates.Merge(Rows("NOT s.is_read"), Rows(DateOrderedStates.Read), Descending, limit);
    }

    /// <summary>The walk's check of each state row: against the set of matches, or asking the index about the row.</summary>
    private string WalkMatch => compiled.Match is null ? "" : " AND " + (path, database.Engine) switch
    {
        (SearchPath.DatesAskingTheIndex, DatabaseEngine.Sqlite) => "EXISTS (SELECT 1 FROM entry_search WHERE entry_search MATCH @match AND rowid = s.entry_id)",
        (SearchPath.DatesAskingTheIndex, _) => "EXISTS (SELECT 1 FROM entry_search x WHERE x.entry_id = s.entry_id AND x.doc @@ CAST(@match AS tsquery))",
        _ => compiled.MatchCondition("@match"),
    };

    private string EntryJoin => compiled.NeedsEntry ? "JOIN entries e ON e.id = s.entry_id" : "";

    /// <summary>
    /// The user, the scope and the query's conditions, on the state row <c>s</c>; hidden entries are left out unless the
    /// query asks for them (they are read: a search of unread entries need not say so).
    /// </summary>
    private string Where()
    {
        var where = $"s.user_id = @userId AND {compiled.Where}";
        if (!compiled.SeesHidden && !OnlyUnread)
        {
            where += " AND NOT s.is_hidden";
        }
        if (request.FeedId is not null)
        {
            where += " AND s.feed_id = @scopeFeed";
        }
        if (request.FolderId is not null)
        {
            where += " AND s.feed_id IN (SELECT fs.feed_id FROM subscriptions fs WHERE fs.user_id = @userId AND fs.folder_id = @scopeFolder)";
        }
        if (request.ArrivedBy is not null)
        {
            where += " AND s.created_at <= @arrivedBy";
        }
        if (request.UnreadOnly)
        {
            where += " AND NOT s.is_read";
        }
        return where;
    }
}
