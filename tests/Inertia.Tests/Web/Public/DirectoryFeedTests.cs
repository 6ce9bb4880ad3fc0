using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Inertia.Feeds;
using Inertia.Storage.Public;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web.Public;

/// <summary>The recommended-feeds directory as RSS 2.0, Atom 1.0 and JSON Feed 1.1: public, filtered like the page, cached, and free of anything private.</summary>
public sealed class DirectoryFeedTests
{
    private static readonly string[] Extensions = ["rss", "atom", "json"];

    /// <summary>
    /// Two public sources (Security in English, Engineering blogs in Chinese), one source an administrator
    /// made private, and one feed followed privately: the directory feed carries the public two only.
    /// </summary>
    private static async Task<Sites> PublishAsync(ReaderApp app)
    {
        var now = DateTimeOffset.UtcNow;
        var security = await FeedSite.StartAsync("Advisories", items: 0);
        var engineering = await FeedSite.StartAsync("工程博客", items: 0);
        var unlisted = await FeedSite.StartAsync("Unlisted Blog", items: 0);
        var diary = await FeedSite.StartAsync("Private Diary", items: 0);
        security.Publish("Advisory, oldest", now.AddHours(-4), "<p>Patch <b>now</b>.</p>");
        engineering.Publish("构建系统, middle", now.AddHours(-3));
        security.Publish("Advisory, newest", now.AddHours(-2));
        unlisted.Publish("Unlisted post", now.AddHours(-1));
        diary.Publish("Diary post, newest of all", now);
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await PublicFeedPageTests.FollowAsync(app, client, security, await PublicSite.AddToDirectoryAsync(app, security, "Security", "en"));
            await PublicFeedPageTests.FollowAsync(app, client, engineering, await PublicSite.AddToDirectoryAsync(app, engineering, "Engineering blogs", "zh"));
            await PublicFeedPageTests.FollowAsync(app, client, unlisted, await PublicSite.AddToDirectoryAsync(app, unlisted, "Security", "en", isPublic: false));
            await PublicFeedPageTests.FollowAsync(app, client, diary);
        }
        return new Sites(security, engineering, unlisted, diary);
    }

    private sealed record Sites(FeedSite Security, FeedSite Engineering, FeedSite Unlisted, FeedSite Diary) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var site in new[] { Security, Engineering, Unlisted, Diary })
            {
                await site.DisposeAsync();
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_format_reads_back_through_our_parser_with_the_public_entries_only_and_the_required_elements(string engine)
    {
        await using var app = await ReaderApp.StartAsync(engine);
        await using (var sites = await PublishAsync(app))
        {
            foreach (var extension in Extensions)
            {
                var url = $"{app.BaseUrl}directory.{extension}";
                using var response = await FeedsOutChecks.FetchAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(extension switch { "rss" => "application/rss+xml", "atom" => "application/atom+xml", _ => "application/feed+json" }, response.Content.Headers.ContentType!.MediaType);
                Assert.True(response.Headers.CacheControl is { Public: true, Private: false, MaxAge.TotalSeconds: 300 }, $"{url}: Cache-Control {response.Headers.CacheControl}");
                Assert.Contains("Accept-Language", response.Headers.Vary);
                Assert.False(response.Headers.Contains("X-Robots-Tag"), "the directory's feed is public and may be indexed");
                var bytes = await response.Content.ReadAsByteArrayAsync();

                var feed = FeedParser.Default.Parse(bytes, response.Content.Headers.ContentType.ToString(), new Uri(url));
                Assert.Equal(extension switch { "rss" => FeedFormat.Rss20, "atom" => FeedFormat.Atom10, _ => FeedFormat.Json11 }, feed.Format);
                Assert.True(feed.Warnings.Count == 0, $"{url} needed repairs: {string.Join("; ", feed.Warnings)}");
                Assert.Equal("Recommended feeds", feed.Title);
                Assert.Equal(url, feed.FeedUrl);
                Assert.Equal($"{app.BaseUrl}directory", feed.Link);
                Assert.Equal(["Advisory, newest", "构建系统, middle", "Advisory, oldest"], feed.Entries.Select(e => e.Title));
                Assert.Equal(sites.Security.HomeUrl + sites.Security.Items[^1].Guid, feed.Entries[2].Link);
                Assert.Equal("<p>Patch <b>now</b>.</p>", feed.Entries[2].Content);
                Assert.All(feed.Entries, e => Assert.Matches($"^{app.BaseUrl}a/[0-9]+$", e.Id));
                Assert.All(feed.Entries, e => Assert.Equal("Ann Author", Assert.Single(e.Authors).Name));
                FeedsOutChecks.RequiredElements(bytes, extension, url);

                // Each item's id is its public article page.
                using var article = await FeedsOutChecks.FetchAsync(feed.Entries[0].Id!);
                Assert.Equal(HttpStatusCode.OK, article.StatusCode);
                Assert.Contains("Advisory, newest", await article.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Where each item came from, for readers that show it.
            using var json = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.json");
            var items = JsonDocument.Parse(await json.Content.ReadAsByteArrayAsync()).RootElement.GetProperty("items");
            Assert.Equal(["Advisories", "工程博客", "Advisories"], items.EnumerateArray().Select(i => i.GetProperty("_source").GetProperty("title").GetString()));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_feed_narrows_by_category_language_and_name_like_the_page_and_speaks_the_clients_language(string engine)
    {
        await using var app = await ReaderApp.StartAsync(engine);
        await using (var sites = await PublishAsync(app))
        {
            using var bySecurity = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.atom?category=Security");
            var feed = FeedParser.Default.Parse(await bySecurity.Content.ReadAsByteArrayAsync());
            Assert.Equal("Recommended feeds: Security", feed.Title);
            Assert.Equal(["Advisory, newest", "Advisory, oldest"], feed.Entries.Select(e => e.Title));
            Assert.Equal($"{app.BaseUrl}directory.atom?category=Security", feed.FeedUrl);
            Assert.Equal($"{app.BaseUrl}directory?category=Security", feed.Link);

            using var byLanguage = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.json?language=zh", h => h.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN")));
            var chinese = JsonDocument.Parse(await byLanguage.Content.ReadAsByteArrayAsync()).RootElement;
            Assert.Equal("推荐订阅源: 中文", chinese.GetProperty("title").GetString());
            Assert.Equal("zh", chinese.GetProperty("language").GetString());
            Assert.Equal(["构建系统, middle"], chinese.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

            using var byName = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.rss?q=%20ADVIS%20");
            feed = FeedParser.Default.Parse(await byName.Content.ReadAsByteArrayAsync());
            Assert.Equal("Recommended feeds: “ADVIS”", feed.Title);
            Assert.Equal(["Advisory, newest", "Advisory, oldest"], feed.Entries.Select(e => e.Title));

            using var nothing = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.rss?category=Unlisted");
            Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
            Assert.Empty(FeedParser.Default.Parse(await nothing.Content.ReadAsByteArrayAsync()).Entries);

            using var unknown = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.xml");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task Conditional_requests_get_304_by_etag_until_the_public_entries_change_even_when_a_source_leaves()
    {
        await using var app = await ReaderApp.StartAsync();
        await using (var sites = await PublishAsync(app))
        {
            var url = $"{app.BaseUrl}directory.atom";
            using var first = await FeedsOutChecks.FetchAsync(url);
            var etag = first.Headers.ETag!;
            // Weak: the hash is of the uncompressed bytes. No date: removing a source changes the feed without one.
            Assert.True(etag.IsWeak);
            Assert.Null(first.Content.Headers.LastModified);
            using (var byTag = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(etag)))
            {
                Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
                Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
            }
            using (var byDate = await FeedsOutChecks.FetchAsync(url, h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(1)))
            {
                Assert.Equal(HttpStatusCode.OK, byDate.StatusCode);
            }

            // A private feed's new entries change nothing.
            var (client, _) = await app.SignedInAsync("bob");
            using (client)
            {
                await using var more = await FeedSite.StartAsync("Another Private Blog", items: 2);
                await PublicFeedPageTests.FollowAsync(app, client, more);
                using (var still = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(etag)))
                {
                    Assert.Equal(HttpStatusCode.NotModified, still.StatusCode);
                }

                // A source removed takes its entries out, though nothing newer came in.
                var directory = app.Get<DirectoryStore>();
                var advisories = Assert.Single(await directory.ListAsync(new DirectoryFilter(NameContains: "Advisories"), null));
                Assert.True(await directory.DeleteAsync(advisories.Id));
                using var removed = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(etag));
                Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
                Assert.Equal(["构建系统, middle"], FeedParser.Default.Parse(await removed.Content.ReadAsByteArrayAsync()).Entries.Select(e => e.Title));

                // A public feed's new entries change it again.
                await using var added = await FeedSite.StartAsync("New Public Blog", items: 1);
                await PublicFeedPageTests.FollowAsync(app, client, added, await PublicSite.AddToDirectoryAsync(app, added));
                using var changed = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(removed.Headers.ETag!));
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                Assert.Equal(["Post 1", "构建系统, middle"], FeedParser.Default.Parse(await changed.Content.ReadAsByteArrayAsync()).Entries.Select(e => e.Title));
            }
        }
    }

    [Fact]
    public async Task A_signed_in_browser_gets_a_private_copy_head_gets_the_headers_and_a_forged_language_cannot_break_the_xml()
    {
        await using var app = await ReaderApp.StartAsync();
        await using (var sites = await PublishAsync(app))
        {
            // A request with a session may be answered with a renewed session cookie: never for shared caches.
            var (client, _) = await app.SignedInAsync("bob");
            using (client)
            {
                using var signedIn = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/directory.rss"));
                Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
                Assert.True(signedIn.Headers.CacheControl is { Private: true, Public: false }, $"Cache-Control {signedIn.Headers.CacheControl}");
            }

            using var head = await new HttpClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{app.BaseUrl}directory.json"));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("application/feed+json", head.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(head.Headers.ETag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());

            foreach (var extension in Extensions)
            {
                var url = $"{app.BaseUrl}directory.{extension}?language=en%01%22%3E";
                using var forged = await FeedsOutChecks.FetchAsync(url);
                Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
                var bytes = await forged.Content.ReadAsByteArrayAsync();
                FeedsOutChecks.RequiredElements(bytes, extension, url);
                var feed = FeedParser.Default.Parse(bytes);
                Assert.True(feed.Warnings.Count == 0, $"{url} needed repairs: {string.Join("; ", feed.Warnings)}");
                Assert.Null(feed.Language);
                Assert.Empty(feed.Entries);
            }
        }
    }

    [Fact]
    public async Task A_searched_name_in_the_rss_channel_title_is_escaped_as_html()
    {
        await using var app = await ReaderApp.StartAsync();
        (await app.SignedInAsync("ann")).Client.Dispose();

        using var rss = await FeedsOutChecks.FetchAsync($"{app.BaseUrl}directory.rss?q={Uri.EscapeDataString("<img src=x onerror=alert(1)>")}");

        var channel = XDocument.Parse(await rss.Content.ReadAsStringAsync()).Root!.Element("channel")!;
        Assert.Equal("Recommended feeds: “&lt;img src=x onerror=alert(1)&gt;”", channel.Element("title")!.Value);
    }

    [Fact]
    public async Task The_directory_page_announces_its_feeds_with_its_filters()
    {
        await using var app = await ReaderApp.StartAsync();
        using var visitor = app.NewClient();
        var page = await visitor.GetAsync("/directory?category=Security&q=adv");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var alternates = page.Document.QuerySelectorAll("head link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("application/rss+xml", "/directory.rss?category=Security&q=adv"),
                ("application/atom+xml", "/directory.atom?category=Security&q=adv"),
                ("application/feed+json", "/directory.json?category=Security&q=adv"),
            ], alternates);
        Assert.Equal(["RSS 2.0", "Atom 1.0", "JSON Feed 1.1"], page.Texts(".directory-feeds a"));
        Assert.Equal("/directory.atom?category=Security&q=adv", page.Document.QuerySelectorAll(".directory-feeds a")[1].GetAttribute("href"));
    }
}
