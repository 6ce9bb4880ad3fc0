using Dapper;
using Inertia.Storage;
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

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_page_of_a_list_walks_its_indexes_in_order_without_sorting(string list, string[] indexes)
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
            Console.WriteLine(list + ":\n  " + string.Join("\n  ", plan));
            foreach (var index in indexes)
            {
                Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
            }
            // A sort may only merge the runs of a list read from two indexes (each at most a page long).
            for (var step = 0; step < plan.Count; step++)
            {
                if (plan[step].Contains("TEMP B-TREE", StringComparison.Ordinal))
                {
                    Assert.Contains(plan[step - 1], new[] { "SCAN unread_rows", "SCAN read_rows" });
                }
            }
        }
    }
}
