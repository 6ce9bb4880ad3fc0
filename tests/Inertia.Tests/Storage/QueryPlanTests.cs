using Dapper;
using Inertia.Storage;
using Inertia.Tests.Support;

namespace Inertia.Tests.Storage;

/// <summary>
/// The lists must stay one walk of one index that stops after the page, on a database with statistics or
/// without: a plan that sorts a user's whole list (a temporary B-tree) would make every page as slow as the
/// list is long. SQLite's plans are checked here, with and without ANALYZE.
/// </summary>
public sealed class QueryPlanTests
{
    public static TheoryData<string, string> Lists => new()
    {
        { "unread", "entry_states_unread" },
        { "all", "entry_states_all" },
        { "starred", "entry_states_starred" },
        { "feed", "entry_states_feed" },
        { "today", "entry_states_all" },
    };

    private static EntryQuery QueryFor(string list) => list switch
    {
        "unread" => new EntryQuery { View = EntryView.Unread },
        "all" => new EntryQuery { View = EntryView.All, After = new EntryCursor(1, 1) },
        "starred" => new EntryQuery { View = EntryView.Starred },
        "feed" => new EntryQuery { View = EntryView.Feed, FeedId = 1 },
        _ => new EntryQuery { View = EntryView.Today, Since = DateTimeOffset.UnixEpoch },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_page_of_a_list_walks_one_index_in_order_without_sorting(string list, string index)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var (userId, feedId) = await StorageFixtures.SubscribedAsync(test.Database);
        await StorageFixtures.StoreAsync(test.Database, feedId, StorageFixtures.Parsed(
            Enumerable.Range(0, 40).Select(i => StorageFixtures.Entry("e" + i, published: StorageFixtures.Now.AddHours(-i))).ToArray()));
        var (sql, parameters) = EntryStore.PageCommand(userId, QueryFor(list));

        foreach (var analyzed in new[] { false, true })
        {
            if (analyzed)
            {
                await test.Database.WriteAsync((c, t) => c.ExecuteAsync("ANALYZE main", transaction: t));
            }
            var plan = await test.Database.ReadAsync(async c => (await c.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => r.Item4).ToList());
            var inner = plan.TakeWhile(step => !step.StartsWith("SCAN", StringComparison.Ordinal)).ToList();
            Assert.Contains(inner, step => step.Contains(index, StringComparison.Ordinal));
            Assert.DoesNotContain(inner, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }
}
