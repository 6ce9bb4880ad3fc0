using Dapper;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Public;
using Inertia.Storage.Subscriptions;
using Inertia.Storage.Sync;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Storage;

/// <summary>
/// An entry a rule hid is in no list — the reader's, the apps', the published feeds' — and in no total, on SQLite and
/// PostgreSQL, while it still opens by its id; marking it unread shows it again.
/// </summary>
public sealed class HiddenEntryTests
{
    /// <summary>
    /// One feed in the folder "News" with three entries, newest first: one unread, one hidden (read and starred, as a rule
    /// that stars and hides leaves it), one read and starred; the hidden and the read one carry the label "Keep".
    /// </summary>
    private sealed record Reading(TestDatabase Test, long User, long Feed, long Folder, long Unread, long Hidden, long Read) : IAsyncDisposable
    {
        public Database Database => Test.Database;

        public ValueTask DisposeAsync() => Test.DisposeAsync();
    }

    private static async Task<Reading> ReadingAsync(string engine)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var user = await UserAsync(test.Database);
        var feed = await FeedAsync(test.Database);
        await new SubscriptionStore(test.Database).SubscribeAsync(user, feed, "News", null, Now);
        var folder = (await new FolderStore(test.Database).ListAsync(user)).Single().Id;
        await StoreAsync(test.Database, feed, Parsed(
            Entry("unread", published: Now.AddMinutes(-10)), Entry("hidden", published: Now.AddMinutes(-20)), Entry("read", published: Now.AddMinutes(-30))));
        var ids = (await test.Database.ReadAsync(c => c.QueryAsync<(string Guid, long Id)>("SELECT guid, id FROM entries"))).ToDictionary(r => r.Guid, r => r.Id);
        var entries = new EntryStore(test.Database);
        await entries.SetReadAsync(user, [ids["read"]], read: true, Now);
        await entries.SetStarredAsync(user, ids["read"], starred: true, Now);
        // As a rule that stars an entry and hides it leaves it.
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE entry_states SET is_hidden = TRUE, is_read = TRUE, read_at = @now, is_starred = TRUE, starred_at = @now WHERE user_id = @user AND entry_id = @entry",
            new { user, entry = ids["hidden"], now = Now.ToUnixTimeMilliseconds() }, t));
        await new LabelStore(test.Database).AddAsync(user, [ids["hidden"], ids["read"]], "Keep", Now);
        return new Reading(test, user, feed, folder, ids["unread"], ids["hidden"], ids["read"]);
    }

    private static EntryCursor At(int minutes, long entry) => new(Now.AddMinutes(minutes).ToUnixTimeMilliseconds(), entry);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_readers_lists_and_neighbours_leave_a_hidden_entry_out_but_it_opens_by_id(string engine)
    {
        await using var reading = await ReadingAsync(engine);
        var entries = new EntryStore(reading.Database);
        async Task<List<long>> List(EntryQuery query) => (await entries.PageAsync(reading.User, query)).Items.Select(i => i.EntryId).ToList();
        var shown = Now.AddMinutes(-1);
        var (unreadAt, hiddenAt, readAt) = (At(-10, reading.Unread), At(-20, reading.Hidden), At(-30, reading.Read));

        List<long> readAndUnread = [reading.Unread, reading.Read];
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.All }));
        Assert.Equal([reading.Read], await List(new EntryQuery { View = EntryView.All, Limit = 1, After = unreadAt }));
        Assert.Equal(Enumerable.Reverse(readAndUnread), await List(new EntryQuery { View = EntryView.All, OldestFirst = true }));
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.Today, Since = Now.AddDays(-1) }));
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.Folder, FolderId = reading.Folder }));
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.Feed, FeedId = reading.Feed }));
        Assert.Equal([reading.Read], await List(new EntryQuery { View = EntryView.Starred }));
        // Lists of unread entries that keep what was read since they were shown: the hidden entry was "read" then too.
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.Unread, ReadSince = shown }));
        Assert.Equal(readAndUnread, await List(new EntryQuery { View = EntryView.Feed, FeedId = reading.Feed, UnreadOnly = true, ReadSince = shown }));

        // The entries beside the unread one and the read one are each other, in every list that holds both.
        foreach (var query in new[] { new EntryQuery { View = EntryView.All }, new EntryQuery { View = EntryView.Feed, FeedId = reading.Feed }, new EntryQuery { View = EntryView.Unread, ReadSince = shown } })
        {
            Assert.Equal(((long?)null, reading.Read), await entries.NeighboursAsync(reading.User, query, unreadAt));
            Assert.Equal((reading.Unread, (long?)null), await entries.NeighboursAsync(reading.User, query, readAt));
        }
        // Opened by its id from a list, the hidden entry's neighbours are the list's entries around its place.
        Assert.Equal((reading.Unread, reading.Read), await entries.NeighboursAsync(reading.User, new EntryQuery { View = EntryView.All }, hiddenAt));

        var opened = await entries.GetAsync(reading.User, reading.Hidden);
        Assert.NotNull(opened);
        Assert.True(opened.IsRead);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_rest_apis_lists_and_totals_leave_a_hidden_entry_out_but_it_opens_by_id(string engine)
    {
        await using var reading = await ReadingAsync(engine);
        var store = new EntryFilterStore(reading.Database);
        // The page, newest first, and the total of the whole list.
        async Task Find(EntryFilter filter, long[] page, long total)
        {
            var (entries, all) = await store.FindAsync(reading.User, filter with { Descending = true });
            Assert.Equal(page, entries.Select(e => e.EntryId));
            Assert.Equal(total, all);
        }

        long[] readAndUnread = [reading.Unread, reading.Read];
        // Every feed, read and unread, a page at a time: the walk of both date indexes.
        await Find(new EntryFilter { Limit = 10 }, readAndUnread, 2);
        await Find(new EntryFilter { Limit = 1, Offset = 1 }, [reading.Read], 2);
        await Find(new EntryFilter(), readAndUnread, 2);
        await Find(new EntryFilter { Read = true, Limit = 10 }, [reading.Read], 1);
        await Find(new EntryFilter { Starred = true, Limit = 10 }, [reading.Read], 1);
        await Find(new EntryFilter { FeedId = reading.Feed, Limit = 10 }, readAndUnread, 2);
        await Find(new EntryFilter { FolderId = reading.Folder, Limit = 10 }, readAndUnread, 2);
        await Find(new EntryFilter { Order = EntryOrder.Id, Limit = 10 }, [.. readAndUnread.OrderDescending()], 2);
        await Find(new EntryFilter { AfterEntryId = 0, Limit = 10 }, readAndUnread, 2);

        // A search sees hidden entries only when it asks for them.
        var search = new SearchStore(reading.Database);
        Task<CompiledSearch> Compile(string query) => search.CompileAsync(reading.User, SearchQuery.Parse(query, Now, TimeZoneInfo.Utc));
        await Find(new EntryFilter { Search = await Compile("is:read"), Limit = 10 }, [reading.Read], 1);
        await Find(new EntryFilter { Search = await Compile("is:hidden"), Limit = 10 }, [reading.Hidden], 1);

        Assert.Equal(reading.Hidden, (await store.GetAsync(reading.User, reading.Hidden))?.EntryId);
        Assert.Equal(reading.Hidden, (await store.GetAsync(reading.User, reading.Hidden, new EntryFilter { FolderId = reading.Folder }))?.EntryId);

        Assert.Equal([(reading.Feed, 1L, 1L)], await new SubscribedFeedStore(reading.Database).CountersAsync(reading.User));
        Assert.Equal(2, (await new SubscriptionStore(reading.Database).StatusAsync(reading.User, reading.Feed))!.EntryCount);
        Assert.Equal([("Keep", 1L)], (await new LabelStore(reading.Database).ListAsync(reading.User)).Select(l => (l.Name, l.Count)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Sync_apps_id_lists_leave_a_hidden_entry_out_but_fetch_it_by_id(string engine)
    {
        await using var reading = await ReadingAsync(engine);
        var sync = new SyncStore(reading.Database);
        async Task<List<long>> Ids(SyncFilter filter) => (await sync.IdsAsync(reading.User, filter, 100)).Select(c => c.EntryId).ToList();

        // Google Reader's streams: the reading list, the read, starred, feed and folder streams.
        List<long> readAndUnread = [reading.Unread, reading.Read];
        Assert.Equal(readAndUnread, await Ids(new SyncFilter()));
        Assert.Equal(Enumerable.Reverse(readAndUnread), await Ids(new SyncFilter { OldestFirst = true }));
        Assert.Equal([reading.Read], await Ids(new SyncFilter { Read = true }));
        Assert.Equal([reading.Read], await Ids(new SyncFilter { Starred = true }));
        Assert.Equal([reading.Unread], await Ids(new SyncFilter { Read = false }));
        Assert.Equal(readAndUnread, await Ids(new SyncFilter { FeedId = reading.Feed }));
        Assert.Equal(readAndUnread, await Ids(new SyncFilter { FolderTitle = "News" }));
        Assert.Equal([reading.Read], await Ids(new SyncFilter { FolderTitle = "Keep" }));
        Assert.Equal([reading.Hidden], (await sync.ItemsAsync(reading.User, [reading.Hidden])).Select(i => i.EntryId));

        // Fever's items, saved ids and total.
        Assert.Equal(readAndUnread.Order(), await sync.IdsByIdAsync(reading.User, 0, null, 100));
        Assert.Equal(readAndUnread.OrderDescending(), await sync.IdsByIdAsync(reading.User, null, long.MaxValue, 100));
        Assert.Equal([reading.Read], await sync.StateIdsAsync(reading.User, starred: true));
        Assert.Equal(2, await sync.CountAsync(reading.User));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Published_feeds_of_a_folder_and_of_the_starred_entries_leave_a_hidden_entry_out(string engine)
    {
        await using var reading = await ReadingAsync(engine);
        var published = new OutEntryStore(reading.Database);

        Assert.Equal([reading.Unread, reading.Read], (await published.FolderAsync(reading.User, reading.Folder)).Select(e => e.EntryId));
        Assert.Equal([reading.Read], (await published.StarredAsync(reading.User)).Select(e => e.EntryId));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Marking_a_hidden_entry_unread_shows_it_again(string engine)
    {
        await using var reading = await ReadingAsync(engine);
        var entries = new EntryStore(reading.Database);
        Assert.Equal([reading.Unread, reading.Read], (await entries.PageAsync(reading.User, new EntryQuery { View = EntryView.All })).Items.Select(i => i.EntryId));

        Assert.Equal(1, await entries.SetReadAsync(reading.User, [reading.Hidden], read: false, Now));

        Assert.Equal(0, await CountAsync(reading.Database, "SELECT COUNT(*) FROM entry_states WHERE is_hidden"));
        Assert.Equal([reading.Unread, reading.Hidden, reading.Read], (await entries.PageAsync(reading.User, new EntryQuery { View = EntryView.All })).Items.Select(i => i.EntryId));
        Assert.Equal([reading.Unread, reading.Hidden], (await entries.PageAsync(reading.User, new EntryQuery { View = EntryView.Unread })).Items.Select(i => i.EntryId));
        Assert.Equal([reading.Hidden, reading.Read], (await entries.PageAsync(reading.User, new EntryQuery { View = EntryView.Starred })).Items.Select(i => i.EntryId));
    }
}
