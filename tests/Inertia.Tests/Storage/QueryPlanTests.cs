using Dapper;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Sync;
using Inertia.Tests.Support;

namespace Inertia.Tests.Storage;

/// <summary>
/// The lists must stay walks of their indexes that stop after the page, on a database with statistics or
/// without: a plan that sorts a user's whole list (a temporary B-tree) would make every page as slow as the
/// list is long. SQLite's plans are checked here, with and without ANALYZE.
/// </summary>
public sealed class QueryPlanTests
{
    // Lists that show read and unread entries walk both indexes: a row is in exactly one of them.
    public static TheoryData<string, string[]> Lists => new()
    {
        { "unread", ["entry_states_unread"] },
        { "unread, with what was read since it was shown", ["entry_states_unread", "entry_states_read"] },
        { "all", ["entry_states_unread", "entry_states_read"] },
        { "all, oldest first", ["entry_states_unread", "entry_states_read"] },
        { "starred", ["entry_states_starred"] },
        { "feed", ["entry_states_feed"] },
        { "today", ["entry_states_unread", "entry_states_read"] },
    };

    private static EntryQuery QueryFor(string list) => list switch
    {
        "unread" => new EntryQuery { View = EntryView.Unread },
        "unread, with what was read since it was shown" => new EntryQuery { View = EntryView.Unread, ReadSince = DateTimeOffset.UnixEpoch },
        "all" => new EntryQuery { View = EntryView.All, After = new EntryCursor(1, 1) },
        "all, oldest first" => new EntryQuery { View = EntryView.All, OldestFirst = true },
        "starred" => new EntryQuery { View = EntryView.Starred },
        "feed" => new EntryQuery { View = EntryView.Feed, FeedId = 1 },
        _ => new EntryQuery { View = EntryView.Today, Since = DateTimeOffset.UnixEpoch },
    };

    // The apps' lists of read and unread entries from every feed: the Google Reader reading list and Miniflux's /v1/entries.
    public static TheoryData<string> ApiLists => new()
    {
        "reading list ids, newest first",
        "reading list ids, oldest first, continued",
        "entries, newest first",
        "entries, oldest first, published after, third page",
    };

    private static (string Sql, object Parameters) ApiCommand(long userId, string list) => list switch
    {
        "reading list ids, newest first" => SyncStore.IdsCommand(userId, new SyncFilter(), 1000),
        "reading list ids, oldest first, continued" => SyncStore.IdsCommand(userId, new SyncFilter { OldestFirst = true, After = new EntryCursor(1, 1) }, 1000),
        "entries, newest first" => Page(EntryFilterStore.FindCommand(userId, new EntryFilter { Descending = true, Limit = 100 })),
        _ => Page(EntryFilterStore.FindCommand(userId, new EntryFilter { PublishedAfter = DateTimeOffset.UnixEpoch, Limit = 10, Offset = 20 })),
    };

    private static (string, object) Page((string PageSql, string CountSql, DynamicParameters Parameters) command) => (command.PageSql, command.Parameters);

    // The Google Reader API's id lists, up to 10,000 ids a page, read only the date indexes: never a row of the table.
    public static TheoryData<string, string[]> IdLists => new()
    {
        { "unread ids", ["entry_states_unread"] },
        { "read ids", ["entry_states_read"] },
        { "reading list ids", ["entry_states_unread", "entry_states_read"] },
        { "feed ids", ["entry_states_feed"] },
        { "starred ids", ["entry_states_starred"] },
    };

    [Theory]
    [MemberData(nameof(IdLists))]
    public async Task An_id_list_never_leaves_its_indexes(string list, string[] indexes)
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var filter = list switch
        {
            "unread ids" => new SyncFilter { Read = false },
            "read ids" => new SyncFilter { Read = true },
            "feed ids" => new SyncFilter { FeedId = 1 },
            "starred ids" => new SyncFilter { Starred = true },
            _ => new SyncFilter(),
        };
        var (sql, parameters) = SyncStore.IdsCommand(userId, filter, 10_000);
        var plan = await PlanAsync(test, sql, parameters);
        var reads = plan.Where(step => step.StartsWith("SEARCH s ", StringComparison.Ordinal) || step.StartsWith("SCAN s ", StringComparison.Ordinal)).ToList();
        Assert.Equal(indexes.Length, reads.Count);
        Assert.All(reads, step => Assert.Contains("USING COVERING INDEX", step, StringComparison.Ordinal));
        Assert.All(indexes, index => Assert.Contains(reads, step => step.Contains(index, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_page_of_a_list_walks_its_indexes_in_order_without_sorting(string list, string[] indexes)
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var (sql, parameters) = EntryStore.PageCommand(userId, QueryFor(list));
        await AssertWalksAsync(test, list, sql, parameters, indexes, sortsThePage: false);
    }

    [Theory]
    [MemberData(nameof(ApiLists))]
    public async Task A_page_of_an_apps_read_and_unread_list_walks_both_date_indexes_without_sorting(string list)
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var (sql, parameters) = ApiCommand(userId, list);
        // The REST page, once picked, may be sorted again at the very end; the id lists never are.
        await AssertWalksAsync(test, list, sql, parameters, ["entry_states_unread", "entry_states_read"], sortsThePage: list.StartsWith("entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_for_a_common_word_walks_the_date_indexes_and_asks_the_index_about_each_row()
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var query = SearchQuery.Parse("content", StorageFixtures.Now, TimeZoneInfo.Utc);
        var compiled = CompiledSearch.Compile(test.Database, query, _ => [], _ => []);
        var (sql, parameters) = new SearchPlan(test.Database, userId, new SearchRequest(query), compiled, SearchPath.DatesAskingTheIndex, SearchOrder.Newest).Page(null, 0, 51);
        await AssertWalksAsync(test, "search, dates first", sql, parameters, ["entry_states_unread", "entry_states_read"], sortsThePage: false);
        Assert.Contains(await PlanAsync(test, sql, parameters), step => step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal) && step.Contains("entry_search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_for_a_frequent_word_walks_the_date_indexes_against_the_set_of_matches()
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var query = SearchQuery.Parse("content", StorageFixtures.Now, TimeZoneInfo.Utc);
        var compiled = CompiledSearch.Compile(test.Database, query, _ => [], _ => []);
        var (sql, parameters) = new SearchPlan(test.Database, userId, new SearchRequest(query), compiled, SearchPath.DatesAgainstMatches, SearchOrder.Newest).Page(null, 0, 51);
        await AssertWalksAsync(test, "search, dates against the matches", sql, parameters, ["entry_states_unread", "entry_states_read"], sortsThePage: false);
        var plan = await PlanAsync(test, sql, parameters);
        // The set is built once (a list SQLite fills before the walk), not asked per row.
        Assert.Contains(plan, step => step.StartsWith("LIST SUBQUERY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("EXISTS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_for_a_rare_word_reads_the_index_first_and_each_match_by_its_key()
    {
        var (database, userId) = await FortyEntriesAsync();
        await using var test = database;
        var query = SearchQuery.Parse("content", StorageFixtures.Now, TimeZoneInfo.Utc);
        var compiled = CompiledSearch.Compile(test.Database, query, _ => [], _ => []);
        var (sql, parameters) = new SearchPlan(test.Database, userId, new SearchRequest(query), compiled, SearchPath.IndexFirst, SearchOrder.Newest).Page(null, 0, 51);
        foreach (var analyzed in new[] { false, true })
        {
            if (analyzed)
            {
                await test.Database.WriteAsync((c, t) => c.ExecuteAsync("ANALYZE main", transaction: t));
            }
            var plan = await PlanAsync(test, sql, parameters);
            Console.WriteLine("search, index first:\n  " + string.Join("\n  ", plan));
            var index = plan.FindIndex(step => step.Contains("entry_search VIRTUAL TABLE INDEX", StringComparison.Ordinal));
            var states = plan.FindIndex(step => step.StartsWith("SEARCH s USING PRIMARY KEY (user_id=? AND entry_id=?)", StringComparison.Ordinal));
            Assert.True(index >= 0 && states > index, "the index's matches come first, each state row is found by its key");
        }
    }

    private static async Task<(TestDatabase, long UserId)> FortyEntriesAsync()
    {
        var test = await TestDatabase.CreateAsync("sqlite");
        var (userId, feedId) = await StorageFixtures.SubscribedAsync(test.Database);
        await StorageFixtures.StoreAsync(test.Database, feedId, StorageFixtures.Parsed(
            Enumerable.Range(0, 40).Select(i => StorageFixtures.Entry("e" + i, published: StorageFixtures.Now.AddHours(-i))).ToArray()));
        return (test, userId);
    }

    private static Task<List<string>> PlanAsync(TestDatabase test, string sql, object parameters) =>
        test.Database.ReadAsync(async c => (await c.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => r.Item4).ToList());

    private static async Task AssertWalksAsync(TestDatabase test, string list, string sql, object parameters, string[] indexes, bool sortsThePage)
    {
        foreach (var analyzed in new[] { false, true })
        {
            if (analyzed)
            {
                await test.Database.WriteAsync((c, t) => c.ExecuteAsync("ANALYZE main", transaction: t));
            }
            var plan = await PlanAsync(test, sql, parameters);
            Console.WriteLine(list + ":\n  " + string.Join("\n  ", plan));
            foreach (var index in indexes)
            {
                Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
            }
            // The state rows are read only by walking the list's indexes.
            foreach (var step in plan.Where(step => step.StartsWith("SEARCH s USING", StringComparison.Ordinal)))
            {
                Assert.True(indexes.Any(index => step.Contains(index, StringComparison.Ordinal)), $"{list} reads its state rows with {step}");
            }
            // A sort may only merge the runs of a list read from two indexes (each at most a page long), or, where
            // allowed, order the page's rows, picked first, at the very end.
            for (var step = 0; step < plan.Count; step++)
            {
                if (plan[step].Contains("TEMP B-TREE", StringComparison.Ordinal))
                {
                    Assert.True(plan[step - 1] is "SCAN unread_rows" or "SCAN read_rows" || (sortsThePage && step == plan.Count - 1 && plan[0] == "CO-ROUTINE s"),
                        $"{list} sorts after {plan[step - 1]}");
                }
            }
        }
    }
}
