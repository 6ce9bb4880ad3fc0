using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Storage;

/// <summary>A reader's labels on entries, on SQLite and PostgreSQL: one label whatever its case, the reader's own, searchable, gone with the entry.</summary>
public sealed class LabelStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Labels_are_the_readers_own_fold_alike_and_are_searched_with_label(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feed) = await SubscribedAsync(test.Database);
        var bob = await UserAsync(test.Database, "bob");
        await StoreAsync(test.Database, feed, Parsed(Entry("a"), Entry("b"), Entry("c")));
        var all = (await new EntryStore(test.Database).PageAsync(ann, new EntryQuery { View = EntryView.All })).Items.ToDictionary(i => i.Title!, i => i.EntryId);
        var labels = new LabelStore(test.Database);

        Assert.Equal(2, await labels.AddAsync(ann, [all["Title a"], all["Title b"]], "Rust", Now));
        Assert.Equal(0, await labels.AddAsync(ann, [all["Title a"]], "RUST", Now));
        Assert.Equal(1, await labels.AddAsync(ann, [all["Title a"]], "读后感", Now));
        // Bob follows nothing: he cannot label Ann's entries.
        Assert.Equal(0, await labels.AddAsync(bob, [all["Title c"]], "Rust", Now));

        Assert.Equal([("Rust", 2L), ("读后感", 1L)], (await labels.ListAsync(ann)).Select(l => (l.Name, l.Count)));
        Assert.Empty(await labels.ListAsync(bob));
        var ofEntries = await labels.OfEntriesAsync(ann, all.Values.ToList());
        Assert.Equal(["Rust", "读后感"], ofEntries[all["Title a"]]);
        Assert.False(ofEntries.ContainsKey(all["Title c"]));

        async Task<List<string?>> Find(string query) =>
            (await new SearchStore(test.Database).SearchAsync(ann, new SearchRequest(SearchQuery.Parse(query, Now, TimeZoneInfo.Utc)))).Hits.Select(h => h.Entry.Title).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Title a", "Title b"], await Find("label:rust"));
        Assert.Equal(["Title a"], await Find("label:读后感"));
        Assert.Equal(["Title c"], await Find("-label:Rust"));

        Assert.Equal(1, await labels.RemoveAsync(ann, [all["Title b"]], "rust"));
        Assert.Equal(["Title a"], await Find("label:rust"));
        Assert.Equal(1, await labels.DeleteAsync(ann, "读后感"));
        Assert.Equal([("Rust", 1L)], (await labels.ListAsync(ann)).Select(l => (l.Name, l.Count)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Labels_go_with_the_subscription(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var (ann, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(Entry("a")));
        var id = (await new EntryStore(test.Database).PageAsync(ann, new EntryQuery { View = EntryView.All })).Items.Single().EntryId;
        var labels = new LabelStore(test.Database);
        await labels.AddAsync(ann, [id], "Keep", Now);

        Assert.True(await new SubscriptionStore(test.Database).UnsubscribeAsync(ann, feed));
        Assert.Empty(await labels.ListAsync(ann));
    }

    [Theory]
    [InlineData("  Rust  ", "Rust")]
    [InlineData("读后感", "读后感")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("a/b", null)]
    [InlineData("say \"hi\"", null)]
    [InlineData("tab\there", null)]
    public void A_label_name_is_trimmed_and_refused_when_it_breaks_the_rules(string written, string? stored)
    {
        Assert.Equal(stored is not null, LabelName.TryNormalize(written, out var name));
        Assert.Equal(stored, name);
        Assert.False(LabelName.TryNormalize(new string('x', LabelName.MaxLength + 1), out _));
    }
}
