using Dapper;
using Inertia.Storage;
using Inertia.Storage.Labels;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Search;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Rules;

/// <summary>Rules acting on entries as they arrive, on SQLite and PostgreSQL.</summary>
public sealed class RulesOnArrivalTests
{
    /// <summary>Queries whose answer does not depend on what rules do (every arriving entry is unread).</summary>
    private static readonly string[] Queries =
    [
        "kernel update", "\"kernel security\"", "\"kernel bug\"", "kernel -bug", "quantum OR 量子计算", "title:security OR title:kernel",
        "title:update", "author:alice", "author:\"alice smith\"", "author:量子位", "tag:security", "tag:天气 OR tag:天気", "is:unread",
        "kernel is:unread", "is:read", "is:starred", "newer:36h", "url:posts/en3", "feed:example", "feed:nosuchfeed", "/sponsor(ed)?/",
        "kernel -/rolling\\s+out/", "-sponsored", "(kernel OR quantum) (bug OR beginners) -qubits", "北京", "北京大学", "漏洞", "量子位",
        "量", "京", "手机", "iPhone手", "東京", "서울", "ＡＢＣ", "abc", "１２３", "123", "cafe", "café", "naive", "resume*", "secur*",
        "rust 所有权", "\"Rust 编程\"", "title:rust", "編程", "天气 OR 날씨", "-kernel -北京",
    ];

    private static Task<long?> RuleAsync(Database database, long user, RuleDraft draft) => new RuleStore(database).CreateAsync(user, draft, Now);

    private static Task<List<string>> LabelledAsync(Database database, long user, string label) =>
        database.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT e.guid FROM entry_labels l JOIN entries e ON e.id = l.entry_id WHERE l.user_id = @user AND l.label_key = @key",
            new { user, key = LabelName.Key(label) })).Order(StringComparer.Ordinal).ToList());

    private static Task<List<(string Guid, bool Read, bool Starred, bool Hidden, long? RuleId, int? Actions)>> StatesAsync(Database database, long user) =>
        database.ReadAsync(async c => (await c.QueryAsync<(string, bool, bool, bool, long?, int?)>(
            "SELECT e.guid, s.is_read, s.is_starred, s.is_hidden, s.rule_id, s.rule_actions FROM entry_states s JOIN entries e ON e.id = s.entry_id WHERE s.user_id = @user ORDER BY e.guid",
            new { user })).ToList());

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rules_on_arrival_match_exactly_what_the_search_finds(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        for (var i = 0; i < Queries.Length; i++)
        {
            Assert.NotNull(await RuleAsync(database, user, new RuleDraft($"rule {i}", Queries[i]) { Actions = RuleActions.Label, Label = $"q{i}" }));
        }

        await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));

        for (var i = 0; i < Queries.Length; i++)
        {
            var searched = await SearchStoreTests.FindAsync(database, user, Queries[i]);
            Assert.True(searched.SequenceEqual(await LabelledAsync(database, user, $"q{i}")), $"{Queries[i]}: the search found {string.Join(", ", searched)}");
        }
        Assert.Contains("en3", await LabelledAsync(database, user, "q20"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Each_action_is_done_in_order_and_remembered_with_the_rule_that_did_it(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        var hide = await RuleAsync(database, user, new RuleDraft("no sponsored posts", "sponsored") { Actions = RuleActions.Hide });
        var star = await RuleAsync(database, user, new RuleDraft("kernel news", "kernel") { Actions = RuleActions.Star });
        // Sees what the rule before it did.
        var label = await RuleAsync(database, user, new RuleDraft("starred go to review", "is:starred") { Actions = RuleActions.Label | RuleActions.MarkRead, Label = "Review" });
        var disabled = await RuleAsync(database, user, new RuleDraft("off", "quantum") { Actions = RuleActions.Hide, Enabled = false });

        await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));

        var states = (await StatesAsync(database, user)).ToDictionary(s => s.Guid);
        Assert.Equal((true, false, true, hide, (int)RuleActions.Hide), (states["en3"].Read, states["en3"].Starred, states["en3"].Hidden, states["en3"].RuleId, states["en3"].Actions));
        Assert.Equal((true, true, false, star, (int)(RuleActions.Star | RuleActions.Label | RuleActions.MarkRead)), (states["en1"].Read, states["en1"].Starred, states["en1"].Hidden, states["en1"].RuleId, states["en1"].Actions));
        Assert.Equal(["en1", "en5"], await LabelledAsync(database, user, "review"));
        Assert.Equal((false, false, false, null, null), (states["en2"].Read, states["en2"].Starred, states["en2"].Hidden, states["en2"].RuleId, states["en2"].Actions));
        Assert.NotNull(disabled);
        Assert.NotNull(label);
        // Unread counts follow: 13 articles, 3 made read.
        Assert.Equal(10, await CountAsync(database, "SELECT unread_count FROM subscriptions WHERE user_id = @user", new { user }));
        Assert.Equal(2, await CountAsync(database, "SELECT starred_count FROM subscriptions WHERE user_id = @user", new { user }));
        Assert.Equal(["en3"], await SearchStoreTests.FindAsync(database, user, "is:hidden"));
        Assert.DoesNotContain("en3", await SearchStoreTests.FindAsync(database, user, "sponsored OR kernel"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Keep_only_acts_on_what_does_not_match(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        await RuleAsync(database, user, new RuleDraft("only security", "tag:security OR 漏洞") { KeepOnly = true, Actions = RuleActions.MarkRead });

        await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));

        var unread = (await StatesAsync(database, user)).Where(s => !s.Read).Select(s => s.Guid);
        Assert.Equal(["en1", "en5", "zh2"], unread);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_shared_feed_is_stored_once_and_each_reader_s_rules_act_on_their_own_entries(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (ann, feed) = await SubscribedAsync(database);
        var bob = await UserAsync(database, "bob");
        await new SubscriptionStore(database).SubscribeAsync(bob, feed, "Tech", null, Now);
        var other = await FeedAsync(database, "https://example.org/other.xml");
        await new SubscriptionStore(database).SubscribeAsync(bob, other, null, null, Now);
        var tech = (await new FolderStore(database).ListAsync(bob)).Single(f => f.Title == "Tech").Id;
        await RuleAsync(database, ann, new RuleDraft("read kernel", "kernel") { Actions = RuleActions.MarkRead });
        await RuleAsync(database, bob, new RuleDraft("star in Tech", "kernel") { FolderId = tech, Actions = RuleActions.Star });
        await RuleAsync(database, bob, new RuleDraft("only the other feed", "kernel") { FeedId = other, Actions = RuleActions.Hide });

        await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));

        Assert.Equal(["en1", "en5"], (await StatesAsync(database, ann)).Where(s => s.Read).Select(s => s.Guid));
        Assert.DoesNotContain(await StatesAsync(database, ann), s => s.Starred);
        var bobs = await StatesAsync(database, bob);
        Assert.Equal(["en1", "en5"], bobs.Where(s => s.Starred).Select(s => s.Guid));
        Assert.DoesNotContain(bobs, s => s.Read || s.Hidden);
        Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM entries WHERE guid = 'en1'"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rule_that_fails_is_skipped_and_reported_and_the_refresh_goes_on(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        var broken = await RuleAsync(database, user, new RuleDraft("broken", "kernel") { Actions = RuleActions.Hide });
        // A query that no longer reads (written by an older version, say) fails on its own.
        await database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE rules SET query = '(kernel' WHERE id = @broken", new { broken }, t));
        await RuleAsync(database, user, new RuleDraft("works", "quantum") { Actions = RuleActions.Star });

        var merged = await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));

        Assert.Equal(SearchStoreTests.Articles.Length, merged.Inserted);
        var rule = await new RuleStore(database).GetAsync(user, broken!.Value);
        Assert.Contains("never closed", rule!.LastError, StringComparison.Ordinal);
        Assert.Equal(Now, rule.LastErrorAt);
        Assert.DoesNotContain(await StatesAsync(database, user), s => s.Hidden);
        Assert.Equal(["en2"], (await StatesAsync(database, user)).Where(s => s.Starred).Select(s => s.Guid));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Marking_a_hidden_entry_unread_shows_it_again(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        await RuleAsync(database, user, new RuleDraft("hide", "sponsored") { Actions = RuleActions.Hide });
        await StoreAsync(database, feed, Parsed(SearchStoreTests.ArticleEntries()));
        var en3 = await CountAsync(database, "SELECT id FROM entries WHERE guid = 'en3'");

        await new Inertia.Storage.Entries.EntryStore(database).SetReadAsync(user, [en3], false, Now);

        var state = (await StatesAsync(database, user)).Single(s => s.Guid == "en3");
        Assert.Equal((false, false), (state.Read, state.Hidden));
    }
}
