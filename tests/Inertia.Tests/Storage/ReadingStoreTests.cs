using Inertia.Accounts;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Storage;

/// <summary>What the reader reads through: lists, neighbours, read and starred states, counts. Every test runs on SQLite and PostgreSQL.</summary>
public sealed class ReadingStoreTests
{
    private static Inertia.Feeds.Entry At(string id, int minutesAgo) => Entry(id, published: Now.AddMinutes(-minutesAgo));

    private static async Task<List<long>> IdsAsync(EntryStore entries, long userId, EntryQuery query)
    {
        var ids = new List<long>();
        var after = query.After;
        do
        {
            var page = await entries.PageAsync(userId, query with { After = after });
            ids.AddRange(page.Items.Select(i => i.EntryId));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }

    private static Task<long> UnreadCountAsync(Database database, long userId, long feedId) =>
        CountAsync(database, "SELECT unread_count FROM subscriptions WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId });

    private static Task<long> RealUnreadAsync(Database database, long userId, long feedId) =>
        CountAsync(database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @userId AND feed_id = @feedId AND NOT is_read", new { userId, feedId });

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_while_entries_arrive(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        // Several entries share a publication time: the entry id breaks the tie.
        await StoreAsync(test.Database, feed, Parsed(Enumerable.Range(0, 25).Select(i => At("e" + i, i / 3)).ToArray()));
        var entries = new EntryStore(test.Database);
        var query = new EntryQuery { View = EntryView.All, Limit = 10 };

        var first = await entries.PageAsync(user, query);
        Assert.Equal(10, first.Items.Count);
        Assert.NotNull(first.Next);
        // A newer entry arrives between pages: the next page neither repeats nor skips anything.
        await StoreAsync(test.Database, feed, Parsed([.. Enumerable.Range(0, 25).Select(i => At("e" + i, i / 3)), At("newest", 0)]), Now.AddMinutes(1));
        var rest = await IdsAsync(entries, user, query with { After = first.Next });

        var all = first.Items.Select(i => i.EntryId).Concat(rest).ToList();
        Assert.Equal(25, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        var titles = (await entries.PageAsync(user, query with { Limit = 100 })).Items;
        Assert.Equal("Title newest", titles[0].Title);
        Assert.Equal(titles.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.EntryId).Select(i => i.EntryId), titles.Select(i => i.EntryId));

        var oldestFirst = await IdsAsync(entries, user, query with { OldestFirst = true });
        Assert.Equal(titles.Select(i => i.EntryId).Reverse(), oldestFirst);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Lists_of_read_and_unread_entries_merge_the_two_in_order_across_pages(string engine)
    {
        // Read and unread rows are kept in two indexes; a list showing both merges them page by page.
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(Enumerable.Range(0, 30).Select(i => At("e" + i, i / 2)).ToArray()));
        var entries = new EntryStore(test.Database);
        var newestFirst = await IdsAsync(entries, user, new EntryQuery { View = EntryView.All, Limit = 100 });
        // Every third read, and a run of seven read in a row: longer than a page.
        var read = newestFirst.Where((_, i) => i % 3 == 0 || i is >= 14 and <= 20).ToList();
        var shownAt = Now.AddMinutes(1);
        await entries.SetReadAsync(user, read, read: true, Now.AddMinutes(2));
        var query = new EntryQuery { View = EntryView.All, Limit = 4 };

        Assert.Equal(newestFirst, await IdsAsync(entries, user, query));
        Assert.Equal(Enumerable.Reverse(newestFirst), await IdsAsync(entries, user, query with { OldestFirst = true }));
        Assert.Equal(newestFirst, await IdsAsync(entries, user, query with { View = EntryView.Today, Since = Now.AddDays(-1) }));
        var unread = newestFirst.Except(read).ToList();
        Assert.Equal(unread, await IdsAsync(entries, user, query with { View = EntryView.Unread }));
        // The unread list as shown before the reading still holds what was read since, in place.
        Assert.Equal(newestFirst, await IdsAsync(entries, user, query with { View = EntryView.Unread, ReadSince = shownAt }));
        Assert.Equal(Enumerable.Reverse(newestFirst), await IdsAsync(entries, user, query with { View = EntryView.Unread, ReadSince = shownAt, OldestFirst = true }));
        Assert.Equal(unread, await IdsAsync(entries, user, query with { View = EntryView.Unread, ReadSince = Now.AddMinutes(3) }));

        // Each entry's neighbours in the merged list are the ones beside it, read or not.
        var items = (await entries.PageAsync(user, new EntryQuery { View = EntryView.All, Limit = 100 })).Items;
        for (var i = 0; i < items.Count; i++)
        {
            var (previous, next) = await entries.NeighboursAsync(user, new EntryQuery { View = EntryView.All }, items[i].Cursor);
            Assert.Equal(i == 0 ? null : items[i - 1].EntryId, previous);
            Assert.Equal(i == items.Count - 1 ? null : items[i + 1].EntryId, next);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Views_select_unread_starred_today_folder_and_feed_entries(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, tech) = await SubscribedAsync(test.Database, url: "https://tech.example/feed");
        var news = await FeedAsync(test.Database, "https://news.example/feed");
        var subscriptions = new SubscriptionStore(test.Database);
        await subscriptions.SubscribeAsync(user, news, "Daily", null, Now);
        await StoreAsync(test.Database, tech, Parsed(At("t1", 10), Entry("t-old", published: Now.AddDays(-3))));
        await StoreAsync(test.Database, news, Parsed(At("n1", 20), At("n2", 30)));
        var entries = new EntryStore(test.Database);
        var all = (await entries.PageAsync(user, new EntryQuery { View = EntryView.All })).Items;
        long Id(string title) => all.Single(i => i.Title == "Title " + title).EntryId;

        await entries.SetReadAsync(user, [Id("n1")], read: true, Now);
        Assert.True(await entries.SetStarredAsync(user, Id("t-old"), starred: true, Now));

        async Task<string[]> Titles(EntryQuery query) => (await entries.PageAsync(user, query)).Items.Select(i => i.Title![6..]).ToArray();
        Assert.Equal(["t1", "n2", "t-old"], await Titles(new EntryQuery { View = EntryView.Unread }));
        Assert.Equal(["t-old"], await Titles(new EntryQuery { View = EntryView.Starred }));
        Assert.Equal(["t1", "n1", "n2"], await Titles(new EntryQuery { View = EntryView.Today, Since = Now.AddHours(-12) }));
        var folder = (await new FolderStore(test.Database).ListAsync(user)).Single();
        Assert.Equal(["n1", "n2"], await Titles(new EntryQuery { View = EntryView.Folder, FolderId = folder.Id }));
        Assert.Equal(["n2"], await Titles(new EntryQuery { View = EntryView.Folder, FolderId = folder.Id, UnreadOnly = true }));
        Assert.Equal(["t1", "t-old"], await Titles(new EntryQuery { View = EntryView.Feed, FeedId = tech }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Another_users_entries_cannot_be_listed_read_starred_or_opened(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feed) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        await StoreAsync(test.Database, feed, Parsed(At("a", 5)));
        var entries = new EntryStore(test.Database);
        var entryId = (await entries.PageAsync(ann, new EntryQuery { View = EntryView.All })).Items.Single().EntryId;

        Assert.Empty((await entries.PageAsync(bob, new EntryQuery { View = EntryView.All })).Items);
        Assert.Empty((await entries.PageAsync(bob, new EntryQuery { View = EntryView.Feed, FeedId = feed })).Items);
        Assert.Null(await entries.GetAsync(bob, entryId));
        Assert.False(await entries.SetStarredAsync(bob, entryId, true, Now));
        Assert.Equal(0, await entries.SetReadAsync(bob, [entryId], true, Now));
        Assert.Equal(0, await entries.MarkAllReadAsync(bob, new EntryQuery { View = EntryView.Feed, FeedId = feed }, Now, null, Now));
        Assert.False((await entries.GetAsync(ann, entryId))!.IsRead);
        Assert.False((await entries.GetAsync(ann, entryId))!.IsStarred);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Mark_all_read_spares_what_arrived_after_the_list_was_shown_and_honours_older_than(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(At("recent", 60), Entry("two-days", published: Now.AddDays(-2)), Entry("ten-days", published: Now.AddDays(-10))));
        var entries = new EntryStore(test.Database);
        var shown = Now.AddMinutes(1);
        // Arrives after the list was shown.
        await StoreAsync(test.Database, feed, Parsed(At("recent", 60), Entry("two-days", published: Now.AddDays(-2)), Entry("ten-days", published: Now.AddDays(-10)), At("late", 0)), Now.AddMinutes(2));
        var unread = new EntryQuery { View = EntryView.Unread };

        Assert.Equal(1, await entries.MarkAllReadAsync(user, unread, shown, Now.AddDays(-7), Now.AddMinutes(3)));
        Assert.Equal(["Title late", "Title recent", "Title two-days"], (await entries.PageAsync(user, unread)).Items.Select(i => i.Title));
        Assert.Equal(1, await entries.MarkAllReadAsync(user, unread, shown, Now.AddDays(-1), Now.AddMinutes(3)));
        Assert.Equal(1, await entries.MarkAllReadAsync(user, unread, shown, null, Now.AddMinutes(3)));
        Assert.Equal(["Title late"], (await entries.PageAsync(user, unread)).Items.Select(i => i.Title));
        Assert.Equal(1, await UnreadCountAsync(test.Database, user, feed));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Neighbours_walk_the_list_and_keep_entries_read_since_it_was_shown(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(At("a", 1), At("b", 2), At("c", 3)));
        var entries = new EntryStore(test.Database);
        var items = (await entries.PageAsync(user, new EntryQuery { View = EntryView.Unread })).Items;
        var (a, b, c) = (items[0], items[1], items[2]);
        var shown = Now;
        await entries.SetReadAsync(user, [a.EntryId, b.EntryId], true, Now.AddMinutes(1));
        var query = new EntryQuery { View = EntryView.Unread, ReadSince = shown };

        Assert.Equal((a.EntryId, c.EntryId), await entries.NeighboursAsync(user, query, b.Cursor));
        Assert.Equal(((long?)null, b.EntryId), await entries.NeighboursAsync(user, query, a.Cursor));
        // Without the time the list was shown, the read entries are out of the Unread list.
        Assert.Equal(((long?)null, c.EntryId), await entries.NeighboursAsync(user, new EntryQuery { View = EntryView.Unread }, b.Cursor));
        Assert.Equal((b.EntryId, (long?)null), await entries.NeighboursAsync(user, query with { OldestFirst = true }, a.Cursor));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Unread_counts_follow_every_change_of_state(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feed) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        var subscriptions = new SubscriptionStore(test.Database);
        var entries = new EntryStore(test.Database);
        async Task Check(long user)
        {
            Assert.Equal(await RealUnreadAsync(test.Database, user, feed), await UnreadCountAsync(test.Database, user, feed));
            Assert.Equal(
                await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @user AND feed_id = @feed AND is_starred", new { user, feed }),
                await CountAsync(test.Database, "SELECT starred_count FROM subscriptions WHERE user_id = @user AND feed_id = @feed", new { user, feed }));
        }

        await StoreAsync(test.Database, feed, Parsed(At("a", 1), At("b", 2), At("c", 3)));
        Assert.Equal(3, await UnreadCountAsync(test.Database, ann, feed));
        await subscriptions.SubscribeAsync(bob, feed, null, null, Now);
        Assert.Equal(3, await UnreadCountAsync(test.Database, bob, feed));

        var ids = (await entries.PageAsync(ann, new EntryQuery { View = EntryView.All })).Items.Select(i => i.EntryId).ToList();
        await entries.SetReadAsync(ann, ids.Take(2).ToList(), true, Now);
        await entries.SetReadAsync(ann, ids.Take(2).ToList(), true, Now);
        Assert.Equal(1, await UnreadCountAsync(test.Database, ann, feed));
        await entries.SetReadAsync(ann, [ids[0]], false, Now);
        await entries.SetStarredAsync(ann, ids[0], true, Now);
        await entries.SetStarredAsync(ann, ids[2], true, Now);
        await entries.SetStarredAsync(ann, ids[2], true, Now);
        Assert.Equal(2, await UnreadCountAsync(test.Database, ann, feed));
        Assert.Equal(2, (await subscriptions.SummariesAsync(ann)).Single().StarredCount);
        await entries.SetStarredAsync(ann, ids[0], false, Now);
        Assert.Equal(1, (await subscriptions.SummariesAsync(ann)).Single().StarredCount);
        await entries.MarkAllReadAsync(bob, new EntryQuery { View = EntryView.Unread }, Now.AddDays(1), null, Now);
        Assert.Equal(0, await UnreadCountAsync(test.Database, bob, feed));
        await Check(ann);

        // Retention and deleted entries (cascading to states) keep counts right.
        await test.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c, "DELETE FROM entries WHERE id = @id", new { id = ids[2] }, t));
        await Check(ann);
        await Check(bob);
        Assert.True(await subscriptions.UnsubscribeAsync(ann, feed));
        Assert.Equal(0, await CountAsync(test.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @ann", new { ann }));
        await subscriptions.SubscribeAsync(ann, feed, null, null, Now);
        await Check(ann);
        Assert.Equal(2, await UnreadCountAsync(test.Database, ann, feed));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_entry_whose_date_changes_moves_in_the_lists(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(At("a", 10), At("b", 20)));
        await StoreAsync(test.Database, feed, Parsed(At("a", 10), Entry("b", title: "B again", published: Now.AddMinutes(-5))), Now.AddMinutes(1));
        var items = (await new EntryStore(test.Database).PageAsync(user, new EntryQuery { View = EntryView.All })).Items;
        Assert.Equal(["B again", "Title a"], items.Select(i => i.Title));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Folders_subscriptions_and_settings_are_kept_per_user(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feed) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        var folders = new FolderStore(test.Database);
        var subscriptions = new SubscriptionStore(test.Database);
        var users = new UserStore(test.Database);

        var tech = (await folders.CreateAsync(ann, " Tech ", Now))!.Value;
        Assert.Null(await folders.CreateAsync(ann, "Tech", Now));
        Assert.NotNull(await folders.CreateAsync(bob, "Tech", Now));
        var news = (await folders.CreateAsync(ann, "News", Now))!.Value;
        Assert.False(await folders.RenameAsync(ann, news, "Tech"));
        Assert.False(await folders.RenameAsync(bob, news, "Mine"));
        Assert.True(await folders.RenameAsync(ann, news, "World"));

        Assert.False(await subscriptions.MoveAsync(ann, feed, (await folders.ListAsync(bob)).Single().Id));
        Assert.True(await subscriptions.MoveAsync(ann, feed, tech));
        Assert.True(await subscriptions.RenameAsync(ann, feed, "My name"));
        Assert.False(await subscriptions.RenameAsync(bob, feed, "Stolen"));
        var summary = (await subscriptions.SummariesAsync(ann)).Single();
        Assert.Equal(("My name", tech), (summary.Title, summary.FolderId));
        Assert.True(await folders.DeleteAsync(ann, tech));
        Assert.Null((await subscriptions.SummariesAsync(ann)).Single().FolderId);
        Assert.Empty(await subscriptions.SummariesAsync(bob));

        var settings = new UserSettings { Language = "zh-CN", Theme = Theme.Dark, EntriesPerPage = 25, OldestFirst = true, MarkReadOn = MarkReadOn.Scroll, ShowRead = false, TimeZone = "Asia/Shanghai" };
        await users.SaveSettingsAsync(ann, settings);
        Assert.Equal(settings, (await users.GetAsync(ann))!.Settings);
        Assert.Equal(new UserSettings(), (await users.GetAsync(bob))!.Settings);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Icons_are_claimed_once_and_served_from_storage(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (_, feed) = await SubscribedAsync(test.Database);
        await FeedAsync(test.Database, "https://nobody-follows.example/feed");
        var icons = new IconStore(test.Database);

        var due = await icons.ClaimDueAsync(Now, Now.AddDays(3), 10);
        Assert.Equal([feed], due.Select(d => d.FeedId));
        Assert.Empty(await icons.ClaimDueAsync(Now, Now.AddDays(3), 10));
        await icons.SaveAsync(feed, "image/png", [1, 2, 3], Now, Now.AddDays(30));
        var icon = await icons.GetAsync(feed);
        Assert.Equal("image/png", icon!.ContentType);
        Assert.Equal([1, 2, 3], icon.Data);
        Assert.Empty(await icons.ClaimDueAsync(Now.AddDays(10), Now.AddDays(13), 10));
        Assert.Single(await icons.ClaimDueAsync(Now.AddDays(31), Now.AddDays(34), 10));
    }
}
