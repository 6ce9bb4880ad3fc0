using System.IO.Compression;
using System.Text;
using Inertia.Feeds;
using Inertia.Feeds.Tests;
using Inertia.Fetching;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Inertia.Tests.Fetching;

/// <summary>Subscribing by any address: a feed itself, a page announcing feeds, or a site with a feed at a usual path.</summary>
public sealed class FeedDiscoveryTests
{
    private const string Rss = "application/rss+xml; charset=utf-8";
    private const string Html = "text/html; charset=utf-8";

    [Fact]
    public async Task A_page_with_one_alternate_link_gives_that_feed()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""<link rel="alternate" type="application/rss+xml" title="Site feed" href="/feed.xml">""")),
            ["/feed.xml"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/"));

        Assert.True(result.Found);
        Assert.Null(result.Message);
        var feed = Assert.Single(result.Feeds);
        Assert.Equal(server.Url("/feed.xml"), feed.Url);
        Assert.Equal("Site feed", feed.Title);
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("Loopback Notes", feed.Feed.Title);
        Assert.Equal(2, feed.Feed.Entries.Count);
        Assert.Equal(200, feed.Response.StatusCode);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task A_page_with_several_feeds_gives_them_all_in_page_order_with_their_titles()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""
                <link rel="alternate" type="application/rss+xml" title="Posts (RSS)" href="/rss.xml">
                <link rel="alternate" type="application/atom+xml" title="Posts (Atom)" href="/atom.xml">
                <link rel="alternate" type="application/feed+json" title="Posts (JSON)" href="/feed.json">
                """)),
            ["/rss.xml"] = (Rss, _ => FeedFixtures.Rss),
            ["/atom.xml"] = ("application/atom+xml", _ => FeedFixtures.Atom),
            ["/feed.json"] = ("application/feed+json", _ => FeedFixtures.Json),
        });

        var result = await Discover(server.Url("/"));

        Assert.Equal(["Posts (RSS)", "Posts (Atom)", "Posts (JSON)"], result.Feeds.Select(f => f.Title));
        Assert.Equal([FeedFormat.Rss20, FeedFormat.Atom10, FeedFormat.Json11], result.Feeds.Select(f => f.Format));
        Assert.Equal([server.Url("/rss.xml"), server.Url("/atom.xml"), server.Url("/feed.json")], result.Feeds.Select(f => f.Url));
        Assert.Equal(["Loopback Notes", "Loopback Atom", "Loopback JSON"], result.Feeds.Select(f => f.Feed.Title));
    }

    [Fact]
    public async Task A_link_without_a_title_is_named_by_the_feeds_own_title()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""<link rel="alternate" type="application/atom+xml" href="/atom.xml">""")),
            ["/atom.xml"] = ("application/atom+xml", _ => FeedFixtures.Atom),
        });

        var result = await Discover(server.Url("/"));

        Assert.Equal("Loopback Atom", Assert.Single(result.Feeds).Title);
    }

    [Fact]
    public async Task Links_are_resolved_against_the_base_href()
    {
        await using var server = await Serve(new()
        {
            ["/articles/post.html"] = (Html, _ => FeedFixtures.Html("""
                <base href="/blog/">
                <link rel="alternate" type="application/rss+xml" title="Blog" href="feed.xml">
                """)),
            ["/blog/feed.xml"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/articles/post.html"));

        Assert.Equal(server.Url("/blog/feed.xml"), Assert.Single(result.Feeds).Url);
    }

    [Fact]
    public async Task A_page_without_links_falls_back_to_the_usual_paths_in_order()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("")),
            ["/feed"] = ("application/atom+xml", _ => FeedFixtures.Atom),
            ["/rss"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/"));

        var feed = Assert.Single(result.Feeds);
        Assert.Equal(server.Url("/feed"), feed.Url);
        Assert.Equal("Loopback Atom", feed.Title);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_usual_path_counts_only_if_it_serves_a_feed()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("")),
            ["/feed"] = (Html, _ => FeedFixtures.Html("", "<p>Our newsletter</p>")),
            ["/index.xml"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/"));

        Assert.Equal(server.Url("/index.xml"), Assert.Single(result.Feeds).Url);
    }

    [Fact]
    public async Task The_usual_paths_are_not_tried_when_the_page_announces_a_feed()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""<link rel="alternate" type="application/atom+xml" href="/atom.xml">""")),
            ["/atom.xml"] = ("application/atom+xml", _ => FeedFixtures.Atom),
            ["/feed"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/"));

        Assert.Equal(server.Url("/atom.xml"), Assert.Single(result.Feeds).Url);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_site_without_any_feed_is_a_clear_no_feed_found()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""<link rel="alternate" hreflang="de" href="/de/">""")),
        });

        var result = await Discover(server.Url("/"));

        Assert.False(result.Found);
        Assert.Empty(result.Feeds);
        Assert.Equal(
            $"No feed found at {server.Url("/")}: the page links to no feed, and none of the usual feed addresses on " +
            $"http://127.0.0.1:{server.Port} (/feed, /rss, /atom.xml, /feed.xml, /rss.xml, /index.xml, /feed/) serves one.",
            result.Message);
        Assert.Equal(1 + 7, server.RequestCount);
    }

    [Fact]
    public async Task A_direct_feed_address_gives_that_one_feed_without_further_requests()
    {
        await using var server = await Serve(new() { ["/feed.xml"] = (Rss, _ => FeedFixtures.Rss) });

        var result = await Discover(server.Url("/feed.xml"));

        var feed = Assert.Single(result.Feeds);
        Assert.Equal(server.Url("/feed.xml"), feed.Url);
        Assert.Equal("Loopback Notes", feed.Title);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_feed_served_as_text_html_is_still_recognized_as_a_feed()
    {
        await using var server = await Serve(new() { ["/feed"] = (Html, _ => FeedFixtures.Atom) });

        var result = await Discover(server.Url("/feed"));

        Assert.Equal(FeedFormat.Atom10, Assert.Single(result.Feeds).Format);
    }

    [Theory]
    [InlineData(301, "/feed.xml")]
    [InlineData(308, "/feed.xml")]
    [InlineData(302, "/old-feed")]
    [InlineData(307, "/old-feed")]
    public async Task A_redirected_feed_is_offered_at_its_new_address_only_when_the_move_is_permanent(int status, string offered)
    {
        await using var server = await Serve(new() { ["/feed.xml"] = (Rss, _ => FeedFixtures.Rss) }, app =>
            app.MapGet("/old-feed", context =>
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/feed.xml";
                return Task.CompletedTask;
            }));

        var result = await Discover(server.Url("/old-feed"));

        Assert.Equal(server.Url(offered), Assert.Single(result.Feeds).Url);
    }

    [Fact]
    public async Task A_link_to_a_blocked_address_is_reported_and_the_other_feeds_are_still_found()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, s => FeedFixtures.Html($"""
                <link rel="alternate" type="application/rss+xml" title="Internal" href="http://127.0.0.2:{s.Port}/feed.xml">
                <link rel="alternate" type="application/atom+xml" title="Public" href="/atom.xml">
                """)),
            ["/atom.xml"] = ("application/atom+xml", _ => FeedFixtures.Atom),
        });

        var result = await Discover(server.Url("/"), "127.0.0.1/32");

        Assert.Equal("Public", Assert.Single(result.Feeds).Title);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new Uri($"http://127.0.0.2:{server.Port}/feed.xml"), problem.Url);
        Assert.StartsWith($"Refused to connect to 127.0.0.2 (loopback) for http://127.0.0.2:{server.Port}/feed.xml:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_only_link_is_blocked_finds_nothing_and_says_why()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, s => FeedFixtures.Html($"""<link rel="alternate" type="application/rss+xml" href="http://127.0.0.2:{s.Port}/feed.xml">""")),
        });

        var result = await Discover(server.Url("/"), "127.0.0.1/32");

        Assert.False(result.Found);
        Assert.StartsWith("Refused to connect to 127.0.0.2 (loopback)", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.StartsWith($"No feed found at {server.Url("/")}: the page links to 1 feed, but none could be read, and none of the usual", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_document_that_is_not_a_feed_is_reported_not_offered()
    {
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""
                <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/7">
                <link rel="alternate" type="application/rss+xml" href="/missing.xml">
                <link rel="alternate" type="application/rss+xml" href="/feed.xml">
                """)),
            ["/wp-json/wp/v2/pages/7"] = ("application/json", _ => Encoding.UTF8.GetBytes("""{"id": 7, "title": {"rendered": "About"}}""")),
            ["/feed.xml"] = (Rss, _ => FeedFixtures.Rss),
        });

        var result = await Discover(server.Url("/"));

        Assert.Equal(server.Url("/feed.xml"), Assert.Single(result.Feeds).Url);
        Assert.Equal([server.Url("/wp-json/wp/v2/pages/7"), server.Url("/missing.xml")], result.Problems.Select(p => p.Url));
        Assert.StartsWith($"{server.Url("/wp-json/wp/v2/pages/7")} is not a feed Inertia can read: ", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{server.Url("/missing.xml")}: The server answered 404 Not Found: the feed is not at this address any more.", result.Problems[1].Message);
    }

    [Fact]
    public async Task A_missing_page_is_reported_and_the_usual_paths_are_still_tried()
    {
        await using var server = await Serve(new() { ["/rss.xml"] = (Rss, _ => FeedFixtures.Rss) });

        var result = await Discover(server.Url("/blog/"));

        Assert.Equal(server.Url("/rss.xml"), Assert.Single(result.Feeds).Url);
        Assert.Equal("The server answered 404 Not Found: the feed is not at this address any more.", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public async Task A_missing_page_on_a_site_without_feeds_says_both()
    {
        await using var server = await Serve(new() { ["/about"] = (Html, _ => FeedFixtures.Html("")) });

        var result = await Discover(server.Url("/blog/"));

        Assert.False(result.Found);
        Assert.Equal(
            $"No feed found at {server.Url("/blog/")}. The server answered 404 Not Found: the feed is not at this address any more. " +
            $"None of the usual feed addresses on http://127.0.0.1:{server.Port} (/feed, /rss, /atom.xml, /feed.xml, /rss.xml, /index.xml, /feed/) serves one either.",
            result.Message);
    }

    [Fact]
    public async Task A_refused_address_fails_discovery_with_the_refusal()
    {
        await using var server = await Serve(new() { ["/feed.xml"] = (Rss, _ => FeedFixtures.Rss) });
        using var fetcher = new HttpFetcher(TestFetchers.Options());

        var error = await Assert.ThrowsAsync<FetchException>(() => new FeedDiscovery(fetcher).DiscoverAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Equal(0, server.RequestCount);
    }

    [SharedDataFact]
    public async Task The_seed_feed_is_discovered_from_its_blog_page_through_gzip()
    {
        var seed = await File.ReadAllBytesAsync(SharedData.SeedFeed);
        await using var server = await Serve(new()
        {
            ["/"] = (Html, _ => FeedFixtures.Html("""<link rel="alternate" type="application/rss+xml" title="The Cloudflare Blog" href="/rss/">""")),
        }, app => app.MapGet("/rss/", context =>
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
            {
                gzip.Write(seed);
            }
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = Rss;
            return context.Response.Body.WriteAsync(compressed.ToArray()).AsTask();
        }));

        var result = await Discover(server.Url("/"));

        var feed = Assert.Single(result.Feeds);
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("The Cloudflare Blog", feed.Feed.Title);
        Assert.NotEmpty(feed.Feed.Entries);
        Assert.Equal(seed, feed.Response.Body.ToArray());
    }

    private static async Task<DiscoveryResult> Discover(Uri url, params string[] allow)
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options(allow.Length == 0 ? ["127.0.0.0/8"] : allow));
        return await new FeedDiscovery(fetcher).DiscoverAsync(url);
    }

    private static Task<TestWebServer> Serve(
        Dictionary<string, (string ContentType, Func<TestWebServer, byte[]> Body)> routes, Action<WebApplication>? more = null) =>
        TestWebServer.StartAsync((app, server) =>
        {
            foreach (var (path, (contentType, body)) in routes)
            {
                app.MapGet(path, context =>
                {
                    context.Response.ContentType = contentType;
                    return context.Response.Body.WriteAsync(body(server)).AsTask();
                });
            }
            more?.Invoke(app);
        });
}
