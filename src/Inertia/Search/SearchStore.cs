using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Inertia.Storage;
using Inertia.Storage.Entries;

namespace Inertia.Search;

/// <summary>
/// Runs searches over one user's entries. Every query starts from the user's own state rows, so a search never
/// sees another user's entries, and a page is read along the <see cref="SearchPath"/> that suits how many entries
/// the index matches (docs/search.md).
/// </summary>
internal sealed class SearchStore(Database database)
{
    /// <summary>
    /// Below this many index matches (10,000), results are read from the index and sorted (<see cref="SearchPath.IndexFirst"/>):
    /// that costs a lookup per match, where a walk of the dates costs about 51 rows divided by the share of rows that match,
    /// and the two meet near the square root of 51 times the rows (7,000 at a million).
    /// </summary>
    public int IndexFirstLimit { get; init; } = 10_000;

    /// <summary>Below this many (100,000), the walk checks rows against the set of matches; from it on, it asks the index per row.</summary>
    public int MatchSetLimit { get; init; } = 100_000;

    /// <summary>Below this many (20,000), results can be ranked by relevance; beyond, they come newest first.</summary>
    public int RelevanceLimit { get; init; } = 20_000;

    /// <summary>When results are many, counting stops here ("more than 1,000 results").</summary>
    public const int CountLimit = 1_000;

    /// <summary>The most entries a regular expression is checked on for one page.</summary>
    public const int RegexScanLimit = 5_000;

    private const int RegexBatch = 200;
    private const int SnippetLength = 240;

    /// <summary>The query as SQL for the user (their feeds and folders resolve <c>feed:</c> and <c>folder:</c>), for lists that add conditions of their own.</summary>
    public async Task<CompiledSearch> CompileAsync(long userId, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(userId, cancellationToken);
        return CompiledSearch.Compile(database, query, scope.FeedsTitled, scope.FoldersTitled);
    }

    /// <summary>One page of results, with a snippet around what matched and the count.</summary>
    public async Task<SearchResults> SearchAsync(long userId, SearchRequest request, CancellationToken cancellationToken = default)
    {
        var (compiled, matches) = await PrepareAsync(userId, request.Query, cancellationToken);
        var order = request.Order;
        var rankedByDate = false;
        if (order == SearchOrder.Relevance && (matches is null || matches >= RelevanceLimit))
        {
            order = SearchOrder.Newest;
            rankedByDate = true;
        }
        var plan = new SearchPlan(database, userId, request, compiled, PathFor(matches, request.FolderId is not null || compiled.Narrowed), order);
        return await database.ReadAsync(async connection =>
        {
            var (hits, next, nextOffset, scanned, timeouts) = request.Query.HasRegex
                ? await ReadFilteredAsync(connection, plan, request, cancellationToken)
                : await ReadPageAsync(connection, plan, request);
            var (count, lowerBound) = request.Query.HasRegex ? ((long?)null, false) : await CountAsync(connection, plan, exact: matches < IndexFirstLimit);
            return new SearchResults(hits, next, nextOffset)
            {
                Count = count,
                CountIsLowerBound = lowerBound,
                RankedByDate = rankedByDate,
                ScannedBeforeStopping = scanned,
                RegexTimeouts = timeouts,
            };
        }, cancellationToken);
    }

    /// <summary>
    /// How many unread entries match (exact, or a lower bound when counting all would cost more than a page; see
    /// <see cref="SearchResults.Count"/>), for a saved search's place in the sidebar; null when a regular expression decides.
    /// </summary>
    public async Task<(long Count, bool LowerBound)?> CountUnreadAsync(long userId, SearchQuery query, CancellationToken cancellationToken = default)
    {
        if (query.HasRegex)
        {
            return null;
        }
        var (compiled, matches) = await PrepareAsync(userId, query, cancellationToken);
        var plan = new SearchPlan(database, userId, new SearchRequest(query) { UnreadOnly = true }, compiled, PathFor(matches, compiled.Narrowed), SearchOrder.Newest);
        var (count, lowerBound) = await database.ReadAsync(c => CountAsync(c, plan, exact: matches < IndexFirstLimit), cancellationToken);
        return (count!.Value, lowerBound);
    }

    /// <summary>
    /// Marks read every unread match that had reached the user by <paramref name="arrivedBy"/> (when the results were
    /// shown); returns how many. Regular expressions are checked here, page by page, and the matches marked by id.
    /// </summary>
    public async Task<int> MarkReadAsync(long userId, SearchRequest request, DateTimeOffset arrivedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        request = request with { ArrivedBy = arrivedBy, UnreadOnly = true, Order = SearchOrder.Newest, After = null, Offset = 0 };
        if (!request.Query.HasRegex)
        {
            var compiled = await CompileAsync(userId, request.Query, cancellationToken);
            var (sql, parameters) = new SearchPlan(database, userId, request, compiled, SearchPath.IndexFirst, SearchOrder.Newest).MarkRead(now);
            return await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(sql, parameters, transaction), cancellationToken);
        }
        var ids = new List<long>();
        for (SearchResults page; ; request = request with { After = page.Next })
        {
            page = await SearchAsync(userId, request with { Limit = 500 }, cancellationToken);
            ids.AddRange(page.Hits.Select(h => h.Entry.EntryId));
            if (page.Next is null)
            {
                break;
            }
        }
        var marked = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            marked += await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                $"UPDATE entry_states SET is_read = TRUE, read_at = @now WHERE user_id = @userId AND NOT is_read AND {database.InList("entry_id", "@ids")}",
                new { userId, ids = chunk.ToList(), now = now.ToUnixTimeMilliseconds() }, transaction), cancellationToken);
        }
        return marked;
    }

    /// <summary>
    /// The query compiled for the user, and how many entries of all users the index matches, counted to the largest limit
    /// (null without words: nothing to count, and the reader's state rows are walked).
    /// </summary>
    private async Task<(CompiledSearch Compiled, int? Matches)> PrepareAsync(long userId, SearchQuery query, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(userId, query, cancellationToken);
        if (compiled.Match is not { } match)
        {
            return (compiled, null);
        }
        var sql = database.Engine == DatabaseEngine.Sqlite
            ? "SELECT COUNT(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH @match LIMIT @limit) m"
            : "SELECT COUNT(*) FROM (SELECT 1 FROM entry_search WHERE doc @@ CAST(@match AS tsquery) LIMIT @limit) m";
        return (compiled, await database.ReadAsync(c => c.ExecuteScalarAsync<int>(sql, new { match, limit = Math.Max(MatchSetLimit, Math.Max(IndexFirstLimit, RelevanceLimit)) }), cancellationToken));
    }

    /// <summary>
    /// The path for this many matches; a search <paramref name="narrowed"/> to a folder or some feeds reads the index first
    /// up to <see cref="MatchSetLimit"/>, as most rows a walk passes belong to other feeds.
    /// </summary>
    public SearchPath PathFor(int? matches, bool narrowed) => matches switch
    {
        null => SearchPath.DatesAgainstMatches,
        var n when n < (narrowed ? MatchSetLimit : IndexFirstLimit) => SearchPath.IndexFirst,
        var n when n < MatchSetLimit => SearchPath.DatesAgainstMatches,
        _ => SearchPath.DatesAskingTheIndex,
    };

    private static async Task<(List<SearchHit>, EntryCursor?, int?, int?, int)> ReadPageAsync(DbConnection connection, SearchPlan plan, SearchRequest request)
    {
        var (sql, parameters) = plan.Page(request.After, request.Offset, request.Limit + 1);
        var rows = await RowReader.ReadAsync(connection, sql, parameters, Row);
        var more = rows.Count > request.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var highlights = request.Query.Highlights;
        var hits = rows.Select(r => new SearchHit(r.Item, Snippet(r, highlights))).ToList();
        if (!more)
        {
            return (hits, null, null, null, 0);
        }
        return plan.Order == SearchOrder.Relevance
            ? (hits, null, request.Offset + request.Limit, null, 0)
            : (hits, hits[^1].Entry.Cursor, null, null, 0);
    }

    /// <summary>
    /// A page where regular expressions decide: candidates are read in batches, in order, and checked here (with a time
    /// limit each) until the page is full or <see cref="RegexScanLimit"/> entries were checked; the next page goes on after
    /// the last entry checked.
    /// </summary>
    private static async Task<(List<SearchHit>, EntryCursor?, int?, int?, int)> ReadFilteredAsync(DbConnection connection, SearchPlan plan, SearchRequest request, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        var after = request.After;
        var offset = request.Offset;
        var scanned = 0;
        var timeouts = 0;
        var highlights = request.Query.Highlights;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (sql, parameters) = plan.Page(after, offset, RegexBatch);
            var rows = await RowReader.ReadAsync(connection, sql, parameters, Row);
            foreach (var row in rows)
            {
                scanned++;
                after = row.Item.Cursor;
                offset++;
                var text = SearchDocument.TextOf(row.Item.Title, SearchDocument.BodyText(row.Summary, row.Content));
                var (matches, timedOut) = Check(text, request.Query.Required, request.Query.Excluded);
                timeouts += timedOut ? 1 : 0;
                if (matches)
                {
                    hits.Add(new SearchHit(row.Item, Snippet(row, highlights)));
                    if (hits.Count == request.Limit)
                    {
                        return plan.Order == SearchOrder.Relevance ? (hits, null, offset, null, timeouts) : (hits, after, null, null, timeouts);
                    }
                }
                if (scanned == RegexScanLimit)
                {
                    return plan.Order == SearchOrder.Relevance ? (hits, null, offset, scanned, timeouts) : (hits, after, null, scanned, timeouts);
                }
            }
            if (rows.Count < RegexBatch)
            {
                return (hits, null, null, null, timeouts);
            }
        }
    }

    private static (bool Matches, bool TimedOut) Check(string text, IReadOnlyList<Regex> required, IReadOnlyList<Regex> excluded)
    {
        try
        {
            return (required.All(r => r.IsMatch(text)) && !excluded.Any(r => r.IsMatch(text)), false);
        }
        catch (RegexMatchTimeoutException)
        {
            return (false, true);
        }
    }

    /// <summary>How many entries match: exactly when the index matches few, else up to <see cref="CountLimit"/> ("more than").</summary>
    private static async Task<(long?, bool)> CountAsync(DbConnection connection, SearchPlan plan, bool exact)
    {
        var (sql, parameters) = plan.Count(exact ? null : CountLimit + 1);
        var count = await connection.ExecuteScalarAsync<long>(sql, parameters);
        return !exact && count > CountLimit ? (CountLimit, true) : (count, false);
    }

    private static string? Snippet(PageRow row, IReadOnlyList<SearchHighlighter.Needle> highlights)
    {
        var text = SearchDocument.BodyText(row.Summary, row.Content);
        return text.Length == 0 ? row.Item.Snippet : SearchHighlighter.Excerpt(text, highlights, SnippetLength);
    }

    // In the order of SearchPlan.Page's columns.
    private static PageRow Row(DbDataReader row) => new(new EntryListItem
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
    }, row.NullableString(11), row.NullableString(12));

    private sealed record PageRow(EntryListItem Item, string? Summary, string? Content);

    /// <summary>The user's feeds and folders, to resolve <c>feed:</c> and <c>folder:</c> by their titles as the user sees them.</summary>
    private async Task<UserScope> ScopeAsync(long userId, CancellationToken cancellationToken)
    {
        var feeds = await database.ReadAsync(c => c.QueryAsync<(long FeedId, string Title, string? Folder)>(
            """
            SELECT s.feed_id, COALESCE(s.title, f.title, f.url), fo.title
            FROM subscriptions s JOIN feeds f ON f.id = s.feed_id LEFT JOIN folders fo ON fo.id = s.folder_id
            WHERE s.user_id = @userId
            """, new { userId }), cancellationToken);
        return new UserScope(feeds.ToList());
    }

    private sealed record UserScope(List<(long FeedId, string Title, string? Folder)> Feeds)
    {
        public List<long> FeedsTitled(string text) =>
            Feeds.Where(f => (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && f.FeedId == id) || SearchSubject.Folded(f.Title, text))
                .Select(f => f.FeedId).ToList();

        public List<long> FoldersTitled(string text) =>
            Feeds.Where(f => f.Folder is { } folder && SearchSubject.Folded(folder, text)).Select(f => f.FeedId).ToList();
    }
}
