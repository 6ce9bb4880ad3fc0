using Dapper;
using Inertia.Catalog;
using Inertia.Storage;
using Inertia.Storage.Feeds;
using Inertia.Storage.Public;
using Inertia.Subscriptions;
using Inertia.Tests.Support;

namespace Inertia.Tests.Storage;

/// <summary>The shipped catalog and its loading into the directory, on both engines.</summary>
public sealed class DirectoryStoreTests
{
    private static readonly string[] KnownCategories = ["Tech news", "Security", "AI", "Engineering blogs", "Chinese tech media", "Personal blogs", "Privacy", "Open source"];

    [Fact]
    public void The_shipped_catalog_holds_the_seed_pages_sources_except_the_comments_feed()
    {
        var catalog = ShippedCatalog.Read();
        Assert.Equal(49, catalog.Count);
        Assert.DoesNotContain(catalog, s => s.Name == "Comments on: Blog");
        Assert.Equal(catalog.Count, catalog.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(catalog.Count, catalog.Select(s => s.FeedUrl).Distinct(StringComparer.Ordinal).Count());
        Assert.All(catalog, s =>
        {
            Assert.Contains(s.Category, KnownCategories);
            Assert.Contains(s.Language, new[] { "en", "zh" });
            Assert.True(FeedAddress.TryParse(s.FeedUrl, out var url) && FeedAddress.Normalize(url) == s.FeedUrl, $"{s.Name}: {s.FeedUrl} is not stored as the reader stores feed URLs");
            Assert.InRange(s.Description.Length, 10, 120);
        });
        Assert.Contains(catalog, s => s is { Name: "The Cloudflare Blog", FeedUrl: "https://blog.cloudflare.com/rss/", Category: "Engineering blogs" });
        Assert.Contains(catalog, s => s is { Name: "阮一峰的网络日志", Language: "zh", Category: "Personal blogs" });
    }

    [Fact]
    public void A_malformed_catalog_line_is_reported_with_its_number()
    {
        var problem = Assert.Throws<FormatException>(() => ShippedCatalog.Parse("name\tfeed_url\tsite_url\ticon_url\tcategory\tlanguage\tdescription\nGood\thttps://a.example/feed\t\t\tAI\ten\tFine.\nBad\t\t\t\tAI\ten\tNo URL.\n"));
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ShippedCatalog.Parse("name\tfeed\n"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Processes_starting_together_load_the_catalog_once_and_removed_sources_stay_removed(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        // Four "processes": each its own Database on the same data.
        var databases = new List<Database> { db.Database };
        for (var i = 0; i < 3; i++)
        {
            databases.Add(await Database.OpenAsync(db.Settings));
        }
        try
        {
            var catalog = ShippedCatalog.Read();
            var now = DateTimeOffset.UtcNow;
            var added = await Task.WhenAll(databases.Select(d => Task.Run(() => new DirectoryStore(d).SeedAsync(ShippedCatalog.Name, catalog, now))));
            Assert.Equal(catalog.Count, added.Sum());
            Assert.Equal(1, added.Count(a => a > 0));
            var store = new DirectoryStore(db.Database);
            var sources = await store.ListAsync(new DirectoryFilter(), null);
            Assert.Equal(catalog.Count, sources.Count);
            Assert.All(sources, s => Assert.True(s.IsPublic));

            var removed = sources.First(s => s.Name == "Threatpost");
            Assert.True(await store.DeleteAsync(removed.Id));
            Assert.Equal(0, await store.SeedAsync(ShippedCatalog.Name, catalog, now));
            Assert.Equal(catalog.Count - 1, (await store.ListAsync(new DirectoryFilter(), null)).Count);
            Assert.Equal(1L, await db.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM directory_seeds")));

            var (categories, languages) = await store.FacetsAsync();
            Assert.Equal(catalog.Count - 1, categories.Sum(c => c.Count));
            Assert.Equal(["en", "zh"], languages.Select(l => l.Value));
        }
        finally
        {
            foreach (var other in databases.Skip(1))
            {
                await other.DisposeAsync();
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_source_names_its_feed_by_url_until_linked_and_its_visibility_follows_the_source(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = new DirectoryStore(db.Database);
        var feeds = new FeedStore(db.Database);
        var publicFeeds = new PublicFeedStore(db.Database);
        var now = DateTimeOffset.UtcNow;
        var sourceId = (await store.AddAsync(new CatalogSource("Blog", "https://blog.example/feed", null, null, "AI", "en", "A blog."), true, now))!.Value;
        Assert.Null(await store.AddAsync(new CatalogSource("Same", "https://blog.example/feed", null, null, "AI", "en", ""), true, now));
        Assert.Null((await store.GetAsync(sourceId))!.KnownFeedId);

        var (byUrl, _) = await feeds.GetOrCreateAsync("https://blog.example/feed", now, TimeSpan.FromHours(1));
        var (other, _) = await feeds.GetOrCreateAsync("https://other.example/feed", now, TimeSpan.FromHours(1));
        Assert.Equal(byUrl, (await store.GetAsync(sourceId))!.KnownFeedId);
        Assert.NotNull(await publicFeeds.FeedAsync(byUrl));
        Assert.Null(await publicFeeds.FeedAsync(other));

        // Linked (a subscription from the directory found the feed elsewhere), the link wins over the URL.
        await store.LinkFeedAsync(sourceId, other);
        Assert.Equal(other, (await store.GetAsync(sourceId))!.KnownFeedId);
        Assert.NotNull(await publicFeeds.FeedAsync(other));
        Assert.Null(await publicFeeds.FeedAsync(byUrl));

        // A new URL drops the link; not public hides it.
        Assert.Equal(DirectoryChange.Done, await store.UpdateAsync(sourceId, new CatalogSource("Blog", "https://third.example/feed", null, null, "AI", "en", ""), false, now));
        Assert.Null((await store.GetAsync(sourceId))!.KnownFeedId);
        Assert.Null(await publicFeeds.FeedAsync(other));
        var secondId = (await store.AddAsync(new CatalogSource("Second", "https://second.example/feed", null, null, "AI", "en", ""), true, now))!.Value;
        Assert.Equal(DirectoryChange.DuplicateUrl, await store.UpdateAsync(secondId, new CatalogSource("Second", "https://third.example/feed", null, null, "AI", "en", ""), true, now));
        Assert.Equal(DirectoryChange.NotFound, await store.UpdateAsync(999_999, new CatalogSource("None", "https://none.example/feed", null, null, "AI", "en", ""), true, now));
    }
}
