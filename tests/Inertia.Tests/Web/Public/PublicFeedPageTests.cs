using System.Globalization;
using System.Net;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Public;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web.Public;

/// <summary>Public feed and article pages over real HTTP: what visitors see, how it caches, and that nothing private leaks.</summary>
public sealed class PublicFeedPageTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Subscribes from the directory when <paramref name="sourceId"/> is given, else privately by URL; returns the feed's id.</summary>
    internal static async Task<long> FollowAsync(ReaderApp app, ReaderClient client, FeedSite site, long? sourceId = null)
    {
        if (sourceId is { } id)
        {
            var answer = await client.PostAsync($"/directory/{Id(id)}/subscribe", "/directory", json: true);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
        }
        else
        {
            await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
        }
        return (await app.Get<FeedStore>().FindByUrlAsync(Inertia.Subscriptions.FeedAddress.Normalize(site.FeedUrl)))!.Id;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_directory_feed_has_a_public_page_with_its_entries_page_by_page_and_public_articles(string engine)
    {
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 35);
        site.Items[0] = site.Items[0] with { Content = """<h2>Heading</h2><p>First <b>bold</b> words of the newest post, long enough to describe it.</p><script>alert(1)</script>""", Categories = ["Developers", "Serverless"] };
        await using var app = await ReaderApp.StartAsync(engine);
        var sourceId = await PublicSite.AddToDirectoryAsync(app, site);
        var (client, _) = await app.SignedInAsync("ann");
        using var visitor = app.NewClient();
        using (client)
        {
            var feedId = await FollowAsync(app, client, site, sourceId);

            var page = await visitor.GetAsync($"/f/{Id(feedId)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Loopback Blog", page.Text(".feed-card h1"));
            Assert.Equal("A test blog", page.Text(".feed-description"));
            Assert.Equal("1 subscriber", page.Text(".subscribers"));
            Assert.Equal(site.HomeUrl.AbsoluteUri, page.Document.QuerySelector(".feed-facts a")!.GetAttribute("href"));
            Assert.Equal(Enumerable.Range(6, 30).Reverse().Select(i => $"Post {i}"), page.Texts(".public-entries a"));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", page.Text(".public-entries time"));
            var older = await visitor.GetAsync(page.Document.QuerySelector("#older")!.GetAttribute("href")!);
            Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"Post {i}"), older.Texts(".public-entries a"));
            Assert.Null(older.Document.QuerySelector("#older"));

            var article = await visitor.GetAsync(page.Document.QuerySelector(".public-entries a")!.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, article.Status);
            var entryId = long.Parse(article.Document.QuerySelector("#open-in-inertia")!.GetAttribute("href")!.Split('/').Last(), CultureInfo.InvariantCulture);
            Assert.Equal("Post 35", article.Text(".article h1"));
            Assert.Equal("Post 35 · Inertia", article.Text("title"));
            Assert.Contains("Ann Author", article.Text(".byline"), StringComparison.Ordinal);
            Assert.Equal("Loopback Blog", article.Text(".byline .via .feed-title"));
            Assert.Equal($"/f/{Id(feedId)}", article.Document.QuerySelector(".byline a.via")!.GetAttribute("href"));
            Assert.Equal("Heading", article.Text(".article .content h2"));
            Assert.Null(article.Document.QuerySelector(".article .content script"));
            Assert.Equal(["Developers", "Serverless"], article.Texts(".tags li"));
            var original = site.HomeUrl + site.Items[0].Guid;
            Assert.Equal(original, article.Document.QuerySelector("#read-original")!.GetAttribute("href"));
            Assert.Equal(original, article.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal("Post 35", Meta(article, "og:title"));
            Assert.Equal("article", Meta(article, "og:type"));
            Assert.Equal(original, Meta(article, "og:url"));
            Assert.StartsWith("Heading First bold words", Meta(article, "og:description"), StringComparison.Ordinal);
            Assert.Equal(Meta(article, "og:description"), article.Document.QuerySelector("meta[name=description]")!.GetAttribute("content"));
            Assert.Equal("summary", article.Document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
            Assert.Equal("Post 35", article.Document.QuerySelector("meta[name='twitter:title']")!.GetAttribute("content"));
            Assert.Null(article.Document.QuerySelector("meta[name=robots]"));

            // "Open in Inertia" is the reader's own view of the entry.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/entries/{Id(entryId)}")).Status);
        }
    }

    private static string? Meta(WebPage page, string property) => page.Document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Private_feeds_and_their_entries_answer_404_to_visitors_and_other_readers(string engine)
    {
        await using var site = await FeedSite.StartAsync("Private Diary", items: 2);
        await using var listed = await FeedSite.StartAsync("Listed Blog", items: 1);
        await using var app = await ReaderApp.StartAsync(engine);
        var listedSource = await PublicSite.AddToDirectoryAsync(app, listed);
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using var visitor = app.NewClient();
        using (ann)
        using (bob)
        {
            var privateFeed = await FollowAsync(app, ann, site);
            var privateEntry = (await app.Get<EntryStore>().PageAsync(annUser.Id, new EntryQuery { View = EntryView.Feed, FeedId = privateFeed, Limit = 10 })).Items[0].EntryId;
            var listedFeed = await FollowAsync(app, ann, listed, listedSource);
            var listedEntry = (await app.Get<EntryStore>().PageAsync(annUser.Id, new EntryQuery { View = EntryView.Feed, FeedId = listedFeed, Limit = 10 })).Items[0].EntryId;
            foreach (var client in new[] { visitor, bob, ann })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/f/{Id(privateFeed)}")).Status);
                var article = await client.GetAsync($"/a/{Id(privateEntry)}");
                Assert.Equal(HttpStatusCode.NotFound, article.Status);
                Assert.DoesNotContain("Private Diary", article.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("Post 2", article.Html, StringComparison.Ordinal);
            }
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/f/{Id(privateFeed)}/subscribe", "/directory")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/a/999999")).Status);
            Assert.DoesNotContain("Private Diary", (await visitor.GetAsync("/directory")).Html, StringComparison.Ordinal);

            // The listed feed is public until an administrator says otherwise.
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/f/{Id(listedFeed)}")).Status);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/a/{Id(listedEntry)}")).Status);
            var source = (await app.Get<DirectoryStore>().GetAsync(listedSource))!;
            await app.Get<DirectoryStore>().UpdateAsync(listedSource, new Inertia.Catalog.CatalogSource(source.Name, source.FeedUrl, source.SiteUrl, null, source.Category, source.Language, source.Description), isPublic: false, DateTimeOffset.UtcNow);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/f/{Id(listedFeed)}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/a/{Id(listedEntry)}")).Status);
            var card = (await visitor.GetAsync("/directory?q=listed")).Document.QuerySelector(".directory-card")!;
            Assert.Null(card.QuerySelector("h3 a"));
            Assert.Empty(await app.Get<DirectoryStore>().RecentPublicEntriesAsync(new DirectoryFilter(), 10));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_directory_lists_the_newest_entries_of_its_public_feeds_for_feeds_out(string engine)
    {
        await using var first = await FeedSite.StartAsync("First Blog", items: 0);
        await using var second = await FeedSite.StartAsync("Second Blog", items: 0);
        await using var hidden = await FeedSite.StartAsync("Hidden Blog", items: 0);
        var now = DateTimeOffset.UtcNow;
        first.Publish("A, oldest", now.AddHours(-3));
        second.Publish("B, middle", now.AddHours(-2));
        first.Publish("A, newest", now.AddHours(-1));
        hidden.Publish("Private, newest of all", now);
        await using var app = await ReaderApp.StartAsync(engine);
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await FollowAsync(app, client, first, await PublicSite.AddToDirectoryAsync(app, first));
            await FollowAsync(app, client, second, await PublicSite.AddToDirectoryAsync(app, second));
            await FollowAsync(app, client, hidden);
            var recent = await app.Get<DirectoryStore>().RecentPublicEntriesAsync(new DirectoryFilter(), 2);
            Assert.Equal(["A, newest", "B, middle"], recent.Select(e => e.Title));
            Assert.Equal(["First Blog", "Second Blog"], recent.Select(e => e.FeedTitle));
            Assert.Equal("<p>A, newest</p>", recent[0].Content ?? recent[0].Summary);
        }
    }

    [Fact]
    public async Task Signed_out_pages_are_cached_publicly_with_an_etag_and_revalidate_to_304()
    {
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 2);
        await using var app = await ReaderApp.StartAsync();
        var sourceId = await PublicSite.AddToDirectoryAsync(app, site);
        var (client, _) = await app.SignedInAsync("ann");
        using var visitor = app.NewClient();
        using (client)
        {
            var feedId = await FollowAsync(app, client, site, sourceId);
            var entryPath = (await visitor.GetAsync($"/f/{Id(feedId)}")).Document.QuerySelector(".public-entries a")!.GetAttribute("href")!;
            foreach (var path in new[] { "/directory", "/directory?category=Security", $"/f/{Id(feedId)}", entryPath })
            {
                var first = await visitor.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, first.Status);
                Assert.Equal("public, max-age=60", first.Headers["Cache-Control"]);
                Assert.Contains("Cookie", first.Headers["Vary"], StringComparison.Ordinal);
                Assert.Contains("Accept-Language", first.Headers["Vary"], StringComparison.Ordinal);
                Assert.False(first.Headers.ContainsKey("Set-Cookie"), $"{path} sets a cookie for a visitor");
                var etag = first.Headers["ETag"];
                Assert.StartsWith("W/\"", etag, StringComparison.Ordinal);
                Assert.Equal(etag, (await visitor.GetAsync(path)).Headers["ETag"]);

                var revalidated = await visitor.GetAsync(path, ("If-None-Match", etag));
                Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
                Assert.Equal("", revalidated.Html);
                Assert.Equal(etag, revalidated.Headers["ETag"]);
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path, ("If-None-Match", "W/\"something-else\""))).Status);

                // Another language is another page, with another tag.
                Assert.NotEqual(etag, (await visitor.GetAsync(path, ("Accept-Language", "zh-CN"))).Headers["ETag"]);

                // Signed in, the page shows the reader's own state: never stored, never revalidated against the public copy.
                var mine = await client.GetAsync(path, ("If-None-Match", etag));
                Assert.Equal(HttpStatusCode.OK, mine.Status);
                Assert.Equal(["no-store", "private"], mine.Headers["Cache-Control"].Split(", ").Order(StringComparer.Ordinal));
                Assert.False(mine.Headers.ContainsKey("ETag"));
                Assert.NotNull(mine.Document.QuerySelector("form[action='/logout']"));
            }
            // A new entry changes the feed page and so its tag.
            var feedPage = await visitor.GetAsync($"/f/{Id(feedId)}");
            site.Publish("Fresh post");
            await client.PostAsync("/refresh", "/unread", true, ("feedId", Id(feedId)));
            var changed = await visitor.GetAsync($"/f/{Id(feedId)}", ("If-None-Match", feedPage.Headers["ETag"]));
            Assert.Equal(HttpStatusCode.OK, changed.Status);
            Assert.Equal("Fresh post", changed.Texts(".public-entries a")[0]);
        }
    }

    [Fact]
    public async Task Subscribing_from_a_public_feed_page_follows_the_stored_feed()
    {
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 2);
        await using var app = await ReaderApp.StartAsync();
        var sourceId = await PublicSite.AddToDirectoryAsync(app, site);
        var (ann, _) = await app.SignedInAsync("ann");
        var (bob, bobUser) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            var feedId = await FollowAsync(app, ann, site, sourceId);
            var page = await bob.GetAsync($"/f/{Id(feedId)}");
            Assert.Equal($"/f/{Id(feedId)}/subscribe", page.Document.QuerySelector(".feed-card form")!.GetAttribute("action"));
            var answer = await bob.PostAsync($"/f/{Id(feedId)}/subscribe", $"/f/{Id(feedId)}", false, ("returnUrl", $"/f/{Id(feedId)}"));
            Assert.Equal($"/f/{Id(feedId)}", answer.Location);
            var after = await bob.GetAsync($"/f/{Id(feedId)}");
            Assert.Equal("✓ Subscribed", after.Text(".feed-card .subscribed"));
            Assert.Equal("2 subscribers", after.Text(".subscribers"));
            Assert.Equal(2, (await app.Get<EntryStore>().PageAsync(bobUser.Id, new EntryQuery { View = EntryView.All, Limit = 10 })).Items.Count);
        }
    }
}
