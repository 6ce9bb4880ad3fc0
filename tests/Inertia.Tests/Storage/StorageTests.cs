using Dapper;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Storage;

/// <summary>The storage layer, on a real SQLite file and a real PostgreSQL server: every test runs on both.</summary>
public sealed class StorageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrations_apply_once_and_the_database_reports_ready(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        Assert.True(await test.Database.IsReadyAsync());
        await using var again = await Database.OpenAsync(test.Settings);
        Assert.Equal(ScriptCount(engine), await CountAsync(again, "SELECT COUNT(*) FROM schema_migrations"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task User_names_are_unique_ignoring_case(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var users = new UserStore(test.Database);
        var ann = await users.CreateAsync("Ann", "h", isAdmin: true, Now);
        Assert.NotNull(ann);
        Assert.True(ann.IsAdmin);
        Assert.True(ann.Id > 0);
        Assert.Null(await users.CreateAsync("ann", "h", isAdmin: false, Now));
        Assert.Equal(ann.Id, (await users.FindAsync("ANN"))!.Id);
        Assert.Equal(Now, ann.CreatedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_feed_is_one_row_however_many_follow_it(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var feeds = new FeedStore(test.Database);
        var (first, created) = await feeds.GetOrCreateAsync("https://example.com/feed.xml", Now, TimeSpan.FromHours(1));
        var (second, createdAgain) = await feeds.GetOrCreateAsync("https://example.com/feed.xml", Now, TimeSpan.FromHours(1));
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first, second);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task New_entries_are_inserted_once_and_unread_for_every_subscriber(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feedId) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        await new SubscriptionStore(test.Database).SubscribeAsync(bob, feedId, "Tech", null, Now);

        var first = await StoreAsync(test.Database, feedId, Parsed(Entry("a"), Entry("b")));
        var again = await StoreAsync(test.Database, feedId, Parsed(Entry("a"), Entry("b")));

        Assert.Equal(new MergeResult(2, 0), first);
        Assert.Equal(new MergeResult(0, 0), again);
        Assert.Equal(2, await CountAsync(test.Database, "SELECT COUNT(*) FROM entries"));
        Assert.Equal(2, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @ann AND NOT is_read", new { ann }));
        Assert.Equal(2, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @bob AND NOT is_read", new { bob }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_entry_changed_upstream_is_updated_in_place_keeping_its_read_state(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feedId) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feedId, Parsed(Entry("a", title: "Old title")));
        var id = await CountAsync(test.Database, "SELECT id FROM entries WHERE guid = 'a'");
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE entry_states SET is_read = @yes WHERE entry_id = @id", new { yes = true, id }, t));

        var result = await StoreAsync(test.Database, feedId, Parsed(Entry("a", title: "New title", content: "<p>Fixed typo</p>")), Now.AddHours(2));

        Assert.Equal(new MergeResult(0, 1), result);
        var row = await test.Database.ReadAsync(c => c.QuerySingleAsync<(long Id, string Title, string Content)>("SELECT id, title, content FROM entries"));
        Assert.Equal((id, "New title", "<p>Fixed typo</p>"), row);
        Assert.Equal(1, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @ann AND is_read", new { ann }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Entries_that_drop_out_of_the_feed_are_kept(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feedId, Parsed(Entry("a"), Entry("b")));
        await StoreAsync(test.Database, feedId, Parsed(Entry("c")));
        Assert.Equal(3, await CountAsync(test.Database, "SELECT COUNT(*) FROM entries"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Subscribing_to_a_feed_with_entries_makes_them_unread_for_the_new_subscriber(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feedId, Parsed(Entry("a"), Entry("b"), Entry("c")));
        var bob = await UserAsync(test.Database, "bob");
        var (id, created) = await new SubscriptionStore(test.Database).SubscribeAsync(bob, feedId, null, "Bob's name", Now);
        var (sameId, createdAgain) = await new SubscriptionStore(test.Database).SubscribeAsync(bob, feedId, null, null, Now);
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(id, sameId);
        Assert.Equal(3, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @bob", new { bob }));
        var listed = Assert.Single(await new SubscriptionStore(test.Database).ListAsync(bob));
        Assert.Equal("Bob's name", listed.Title);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Due_feeds_are_claimed_once_until_the_lease_expires(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        var store = new RefreshStore(test.Database);

        var first = await store.ClaimDueAsync("w1", Now, TimeSpan.FromMinutes(5), 10);
        var second = await store.ClaimDueAsync("w2", Now.AddMinutes(1), TimeSpan.FromMinutes(5), 10);
        var afterExpiry = await store.ClaimDueAsync("w2", Now.AddMinutes(6), TimeSpan.FromMinutes(5), 10);

        Assert.Equal(feedId, Assert.Single(first).Id);
        Assert.Empty(second);
        Assert.Equal(feedId, Assert.Single(afterExpiry).Id);
        Assert.Null(await store.ClaimAsync(feedId, "w1", Now.AddMinutes(7), TimeSpan.FromMinutes(5)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_lost_claim_records_nothing(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        var store = new RefreshStore(test.Database);
        await store.ClaimDueAsync("w1", Now, TimeSpan.FromMinutes(5), 10);
        await store.ClaimDueAsync("w2", Now.AddMinutes(6), TimeSpan.FromMinutes(5), 10);

        var change = new FetchStateChange { FetchedAt = Now, Succeeded = true, NextCheckAt = Now.AddHours(1), CheckIntervalSeconds = 3600 };
        Assert.Null(await store.CompleteAsync(feedId, "w1", change, Parsed(Entry("a"))));
        Assert.Equal(0, await CountAsync(test.Database, "SELECT COUNT(*) FROM entries"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Feeds_nobody_active_follows_are_not_claimed(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await FeedAsync(test.Database, "https://nobody.example/feed");
        var disabled = await UserAsync(test.Database, "gone", disabled: true);
        var followedByDisabled = await FeedAsync(test.Database, "https://disabled.example/feed");
        await new SubscriptionStore(test.Database).SubscribeAsync(disabled, followedByDisabled, null, null, Now);
        var (_, followed) = await SubscribedAsync(test.Database, "ann", "https://followed.example/feed");

        var claimed = await new RefreshStore(test.Database).ClaimDueAsync("w", Now, TimeSpan.FromMinutes(5), 10);

        Assert.Equal(followed, Assert.Single(claimed).Id);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_claimers_never_get_the_same_feed(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var ann = await UserAsync(test.Database);
        for (var i = 0; i < 60; i++)
        {
            var feedId = await FeedAsync(test.Database, $"https://example.com/{i}.xml");
            await new SubscriptionStore(test.Database).SubscribeAsync(ann, feedId, null, null, Now);
        }
        var store = new RefreshStore(test.Database);
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while ((await store.ClaimDueAsync($"w{w}", Now, TimeSpan.FromMinutes(5), 3)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(f => f.Id));
            }
            return mine;
        })));
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Fetch_state_records_success_failure_and_a_move(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        var store = new RefreshStore(test.Database);
        var feeds = new FeedStore(test.Database);

        await store.ClaimAsync(feedId, "w", Now, TimeSpan.FromMinutes(5));
        await store.CompleteAsync(feedId, "w", new FetchStateChange { FetchedAt = Now, Status = 500, Error = "broken", NextCheckAt = Now.AddMinutes(10), CheckIntervalSeconds = 3600 }, null);
        await store.ClaimAsync(feedId, "w", Now, TimeSpan.FromMinutes(5));
        await store.CompleteAsync(feedId, "w", new FetchStateChange { FetchedAt = Now, Status = 500, Error = "still broken", NextCheckAt = Now.AddMinutes(20), CheckIntervalSeconds = 3600 }, null);
        var failing = (await feeds.GetAsync(feedId))!;
        Assert.Equal(2, failing.ErrorCount);
        Assert.Equal("still broken", failing.LastError);
        Assert.Equal(Now.AddMinutes(20), failing.NextCheckAt);

        await store.ClaimAsync(feedId, "w", Now, TimeSpan.FromMinutes(5));
        await store.CompleteAsync(feedId, "w", new FetchStateChange
        {
            FetchedAt = Now,
            Status = 200,
            Succeeded = true,
            Etag = "\"v1\"",
            LastModified = "Tue, 24 Nov 2026 10:00:00 GMT",
            BodyHash = "abc",
            NextCheckAt = Now.AddHours(2),
            CheckIntervalSeconds = 7200,
            MovedTo = "https://example.com/new-feed.xml",
        }, Parsed(Entry("a")));
        var healthy = (await feeds.GetAsync(feedId))!;
        Assert.Equal(0, healthy.ErrorCount);
        Assert.Null(healthy.LastError);
        Assert.Equal("\"v1\"", healthy.Etag);
        Assert.Equal("abc", healthy.BodyHash);
        Assert.Equal(7200, healthy.CheckIntervalSeconds);
        Assert.Equal("https://example.com/new-feed.xml", healthy.Url);
        Assert.Equal("Example", healthy.Title);
        Assert.Equal(Now, healthy.LastSuccessAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Retention_keeps_starred_recent_unread_and_the_newest_of_each_feed(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feedId) = await SubscribedAsync(test.Database);
        var entries = new List<Inertia.Feeds.Entry>();
        for (var i = 0; i < 60; i++)
        {
            // Entry i is i*5 days old: 0, 5, 10, … 295 days.
            entries.Add(Entry($"e{i}", published: Now.AddDays(-5 * i)));
        }
        await StoreAsync(test.Database, feedId, Parsed([.. entries]));
        // A later fetch lists only the newest entry: the others are no longer in the feed, so retention may go by age.
        await StoreAsync(test.Database, feedId, Parsed(entries[0]), Now.AddMinutes(1));
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync(
            """
            UPDATE entry_states SET is_read = @yes WHERE entry_id IN (SELECT id FROM entries WHERE guid IN ('e20', 'e55', 'e57'));
            UPDATE entry_states SET is_starred = @yes WHERE entry_id IN (SELECT id FROM entries WHERE guid IN ('e57', 'e59'));
            """, new { yes = true }, t));

        var deleted = await new RetentionStore(test.Database).PruneAsync(new RetentionPolicy { KeepPerFeed = 50 }, Now);

        var kept = (await test.Database.ReadAsync(c => c.QueryAsync<string>("SELECT guid FROM entries"))).ToHashSet();
        // The newest 50 (e0-e49) stay whatever their state; of e50-e59 (250-295 days), all older than 180 days,
        // only the starred ones (e57, e59) stay.
        Assert.Equal(8, deleted);
        Assert.Equal(52, kept.Count);
        Assert.Contains("e49", kept);
        Assert.Contains("e57", kept);
        Assert.Contains("e59", kept);
        Assert.DoesNotContain("e50", kept);
        Assert.DoesNotContain("e55", kept);
        Assert.Equal(52, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @ann", new { ann }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Retention_deletes_read_entries_after_60_days_and_unread_after_180(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feedId, Parsed(
            Entry("read-70", published: Now.AddDays(-70)),
            Entry("unread-70", published: Now.AddDays(-70)),
            Entry("read-30", published: Now.AddDays(-30)),
            Entry("unread-200", published: Now.AddDays(-200))));
        await StoreAsync(test.Database, feedId, Parsed(Entry("new", published: Now)), Now.AddMinutes(1));
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE entry_states SET is_read = @yes WHERE entry_id IN (SELECT id FROM entries WHERE guid LIKE 'read-%')", new { yes = true }, t));

        await new RetentionStore(test.Database).PruneAsync(new RetentionPolicy { KeepPerFeed = 1 }, Now);

        var kept = (await test.Database.ReadAsync(c => c.QueryAsync<string>("SELECT guid FROM entries ORDER BY guid"))).ToList();
        Assert.Equal(["new", "read-30", "unread-70"], kept);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Stats_count_everything(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feedId, Parsed(Entry("a"), Entry("b")));
        await FeedAsync(test.Database, "https://other.example/feed");
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE feeds SET error_count = 3 WHERE url = 'https://other.example/feed'", transaction: t));

        var stats = await new StatsStore(test.Database).ReadAsync();

        Assert.Equal(new Stats { Users = 1, Feeds = 2, Subscriptions = 1, Entries = 2, Unread = 2, FeedsInError = 1 }, stats);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_subscription_racing_a_merge_still_gets_every_entry(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        // A merge in progress on another connection: it holds the feed's row and has inserted an entry, uncommitted.
        await using var merging = await test.Database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await merging.BeginTransactionAsync();
        await merging.ExecuteAsync("UPDATE feeds SET id = id WHERE id = @feedId", new { feedId }, transaction);
        await merging.ExecuteAsync(
            "INSERT INTO entries (feed_id, guid, published_at, created_at, changed_at, last_seen_at, hash) VALUES (@feedId, 'racing', 0, 0, 0, 0, 'h')",
            new { feedId }, transaction);

        // On its own thread: SQLite waits for a lock synchronously.
        var subscribing = Task.Run(() => new SubscriptionStore(test.Database).SubscribeAsync(bob, feedId, null, null, Now));
        await Task.Delay(300);
        Assert.False(subscribing.IsCompleted, "the subscription must wait for the merge that holds the feed");
        await transaction.CommitAsync();
        await subscribing;

        Assert.Equal(1, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @bob", new { bob }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Processes_starting_together_apply_the_schema_once(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var settings = engine == "sqlite"
            ? DatabaseSettings.Resolve(Directory.CreateTempSubdirectory("inertia-race-").FullName, null)
            : test.Settings;
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Database.OpenAsync(settings))));
        try
        {
            Assert.All(opened, d => Assert.True(d.IsReadyAsync().Result));
            Assert.Equal(ScriptCount(engine), await CountAsync(opened[0], "SELECT COUNT(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var database in opened)
            {
                await database.DisposeAsync();
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Entries_the_feed_still_lists_are_kept_however_old(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        // A podcast listing every episode: all old, far more than the newest few kept per feed.
        var episodes = Enumerable.Range(0, 30).Select(i => Entry($"ep{i}", published: Now.AddDays(-400 - i))).ToArray();
        await StoreAsync(test.Database, feedId, Parsed(episodes));
        await StoreAsync(test.Database, feedId, Parsed(episodes), Now.AddMinutes(1));

        var deleted = await new RetentionStore(test.Database).PruneAsync(new RetentionPolicy { KeepPerFeed = 5 }, Now.AddMinutes(2));

        Assert.Equal(0, deleted);
        Assert.Equal(30, await CountAsync(test.Database, "SELECT COUNT(*) FROM entries"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_undated_entry_keeps_its_first_date_when_it_changes(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feedId) = await SubscribedAsync(test.Database);
        var undated = Entry("u") with { Published = null };
        await StoreAsync(test.Database, feedId, Parsed(undated));
        await StoreAsync(test.Database, feedId, Parsed(undated with { Title = "Edited" }), Now.AddDays(3));

        var stored = await test.Database.ReadAsync(c => c.QuerySingleAsync<(string Title, long PublishedAt)>("SELECT title, published_at FROM entries"));
        Assert.Equal(("Edited", Now.ToUnixTimeMilliseconds()), stored);
    }

    /// <summary>How many migration scripts the build embeds for the engine: each must be applied exactly once.</summary>
    private static int ScriptCount(string engine)
    {
        var folder = engine == "sqlite" ? "Migrations/Sqlite/" : "Migrations/Postgres/";
        return typeof(Database).Assembly.GetManifestResourceNames().Count(name => name.StartsWith(folder, StringComparison.Ordinal));
    }
}
