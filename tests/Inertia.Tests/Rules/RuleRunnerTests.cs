using Dapper;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Labels;
using Inertia.Storage.Rules;
using Inertia.Tests.Search;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Rules;

/// <summary>Rules tried out and applied to entries already stored, on SQLite and PostgreSQL.</summary>
public sealed class RuleRunnerTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static async Task<(TestDatabase Test, long User, long Feed)> SeededAsync(string engine)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(SearchStoreTests.ArticleEntries()));
        return (test, user, feed);
    }

    private static RuleRunner Runner(Database database) => new(database, new SearchStore(database), new RuleStore(database), new UserStore(database));

    private static Task<List<string>> GuidsAsync(Database database, long user, string condition) =>
        database.ReadAsync(async c => (await c.QueryAsync<string>(
            $"SELECT e.guid FROM entry_states s JOIN entries e ON e.id = s.entry_id WHERE s.user_id = @user AND {condition} ORDER BY e.guid", new { user })).ToList());

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Trying_a_rule_shows_what_it_would_change_and_writes_nothing(string engine)
    {
        var (test, user, _) = await SeededAsync(engine);
        await using var _ = test;
        var rule = new RuleDraft("kernel", "kernel OR 漏洞") { Actions = RuleActions.MarkRead | RuleActions.Label, Label = "Linux" }.ToRule(user);

        var tried = await Runner(test.Database).TryAsync(rule, 30, Now, Utc);

        Assert.Equal(3, tried.Changed);
        Assert.Equal(["Kernel security update", "Security researchers report a kernel bug", "微软修复严重漏洞"], tried.Samples.Select(s => s.Title).Order(StringComparer.Ordinal));
        Assert.Null(tried.Failure);
        Assert.Empty(await GuidsAsync(test.Database, user, "s.is_read"));
        Assert.Equal(0, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_labels"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Applying_a_rule_changes_the_entries_of_the_last_days_only_and_remembers_the_rule(string engine)
    {
        var (test, user, _) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        var id = await new RuleStore(database).CreateAsync(user, new RuleDraft("security", "tag:security OR tag:安全") { Actions = RuleActions.Star | RuleActions.Hide }, Now);
        var rule = (await new RuleStore(database).GetAsync(user, id!.Value))!;

        // en1 (1 day old) and zh2 (2 days) are in the last 3 days; en5 (5 days) is not.
        var applied = await Runner(database).ApplyAsync(rule, 3, Now, Utc);

        Assert.Equal(2, applied.Changed);
        Assert.Equal(["en1", "zh2"], await GuidsAsync(database, user, "s.is_hidden AND s.is_starred AND s.is_read"));
        Assert.Equal(2, await CountAsync(database, "SELECT COUNT(*) FROM entry_states WHERE rule_id = @id AND rule_actions = @done", new { id, done = (int)(RuleActions.Star | RuleActions.Hide) }));
        Assert.Equal(new RuleMark(id.Value, "security", RuleActions.Star | RuleActions.Hide), await new RuleStore(database).MarkOfAsync(user, await CountAsync(database, "SELECT id FROM entries WHERE guid = 'en1'")));

        // Run again: nothing left to change.
        Assert.Equal(0, (await Runner(database).ApplyAsync(rule, 3, Now, Utc)).Changed);
        Assert.Equal(1, (await Runner(database).ApplyAsync(rule, 30, Now, Utc)).Changed);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_keep_only_rule_applied_acts_on_everything_it_does_not_match_in_its_scope(string engine)
    {
        var (test, user, feed) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        var rule = new RuleDraft("only weather", "天气 OR 天気") { FeedId = feed, KeepOnly = true, Actions = RuleActions.MarkRead }.ToRule(user);

        var applied = await Runner(database).ApplyAsync(rule, 30, Now, Utc);

        Assert.Equal(SearchStoreTests.Articles.Length - 2, applied.Changed);
        Assert.Equal(["ja1", "zh3"], await GuidsAsync(database, user, "NOT s.is_read"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rules_read_the_labels_entries_have_and_do_not_label_twice(string engine)
    {
        var (test, user, _) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        var en1 = await CountAsync(database, "SELECT id FROM entries WHERE guid = 'en1'");
        var en2 = await CountAsync(database, "SELECT id FROM entries WHERE guid = 'en2'");
        await new LabelStore(database).AddAsync(user, [en1, en2], "Later", Now);
        await new LabelStore(database).AddAsync(user, [en1], "Done", Now);

        var star = await Runner(database).ApplyAsync(new RuleDraft("later", "label:later -label:done") { Actions = RuleActions.Star }.ToRule(user), 30, Now, Utc);
        var label = await Runner(database).ApplyAsync(new RuleDraft("done", "kernel") { Actions = RuleActions.Label, Label = "done" }.ToRule(user), 30, Now, Utc);

        Assert.Equal(1, star.Changed);
        Assert.Equal(["en2"], await GuidsAsync(database, user, "s.is_starred"));
        // en1 had the label already (in another case).
        Assert.Equal(1, label.Changed);
        Assert.Equal(2, await CountAsync(database, "SELECT COUNT(*) FROM entry_labels WHERE label_key = 'done'"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rule_never_reaches_another_readers_entries(string engine)
    {
        var (test, user, feed) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        var bob = await UserAsync(database, "bob");
        await new Inertia.Storage.Subscriptions.SubscriptionStore(database).SubscribeAsync(bob, feed, null, null, Now);
        Assert.Equal(SearchStoreTests.Articles.Length, await CountAsync(database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @bob", new { bob }));

        var applied = await Runner(database).ApplyAsync(new RuleDraft("all", "-nothinglikethis") { Actions = RuleActions.MarkRead }.ToRule(user), 30, Now, Utc);

        Assert.Equal(SearchStoreTests.Articles.Length, applied.Changed);
        Assert.Empty(await GuidsAsync(database, bob, "s.is_read"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rule_that_cannot_be_read_says_why_and_changes_nothing(string engine)
    {
        var (test, user, _) = await SeededAsync(engine);
        await using var _ = test;

        var tried = await Runner(test.Database).TryAsync(new RuleDraft("bad", "\"kernel") { Actions = RuleActions.MarkRead }.ToRule(user), 30, Now, Utc);

        Assert.Equal(0, tried.Changed);
        Assert.Empty(tried.Samples);
        Assert.Contains("never closed", tried.Failure, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_feed_imported_that_others_follow_meets_the_readers_rules(string engine)
    {
        var (test, _, _) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        var bob = await UserAsync(database, "bob");
        await new RuleStore(database).CreateAsync(bob, new RuleDraft("kernel", "kernel") { Actions = RuleActions.Star }, Now);
        var importer = new Inertia.Importing.OpmlSubscriber(new Inertia.Storage.Feeds.FeedStore(database), new Inertia.Storage.Subscriptions.SubscriptionStore(database), Runner(database), TimeProvider.System);

        await importer.SubscribeAsync(bob, [new Inertia.Feeds.Opml.OpmlFeed("https://example.com/feed.xml", null, null, "Tech")], null, CancellationToken.None);

        Assert.Equal(["en1", "en5"], await GuidsAsync(database, bob, "s.is_starred"));
    }
}
