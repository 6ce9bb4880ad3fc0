using System.Text;
using Inertia.Fetching;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Accounts;
using Inertia.Storage.Feeds;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Subscriptions;
using Inertia.Tests.Refresh;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Subscriptions;

/// <summary>Subscribing from a feed or page address, against a real server and a real database.</summary>
public sealed class SubscriptionServiceTests
{
    private static readonly byte[] Feed = Encoding.UTF8.GetBytes("""
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Blog</title><link>https://blog.example/</link>
        <atom:link rel="self" href="SELF"/>
        <item><guid>1</guid><title>One</title></item><item><guid>2</guid><title>Two</title></item><item><guid>3</guid><title>Three</title></item>
        </channel></rss>
        """);

    private static async Task<TestWebServer> BlogAsync() => await TestWebServer.StartAsync((app, s) =>
    {
        app.MapGet("/", () => Results.Content(
            """<html><head><link rel="alternate" type="application/rss+xml" title="Blog posts" href="/feed.xml"></head><body>Welcome</body></html>""", "text/html"));
        app.MapGet("/feed.xml", () => Results.Bytes(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Feed).Replace("SELF", s.Url("/feed.xml").AbsoluteUri, StringComparison.Ordinal)), "application/rss+xml"));
        app.MapGet("/two", () => Results.Content(
            """<html><head><link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml"><link rel="alternate" type="application/atom+xml" title="Comments" href="/comments.xml"></head></html>""", "text/html"));
        app.MapGet("/comments.xml", () => Results.Bytes(Encoding.UTF8.GetBytes("""<feed xmlns="http://www.w3.org/2005/Atom"><title>Comments</title></feed>"""), "application/atom+xml"));
    });

    private static SubscriptionService Service(RefreshHarness harness) => new(
        new FeedDiscovery(harness.Fetcher), new FeedStore(harness.Database), new SubscriptionStore(harness.Database), harness.Store, harness.Policy,
        new RuleRunner(harness.Database, new SearchStore(harness.Database), new RuleStore(harness.Database), new UserStore(harness.Database)), TimeProvider.System);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Subscribing_from_a_page_finds_the_feed_and_stores_its_entries_before_returning(string engine)
    {
        await using var blog = await BlogAsync();
        await using var harness = await RefreshHarness.CreateAsync(engine);

        var result = await Service(harness).SubscribeAsync(harness.UserId, blog.Url("/").AbsoluteUri, "Blogs", null, CancellationToken.None);

        Assert.Equal(SubscribeStatus.Subscribed, result.Status);
        Assert.Equal("Blog posts", result.Title);
        Assert.Equal(3, result.NewEntries);
        Assert.Equal(3, await harness.EntryCountAsync());
        var feed = await harness.FeedAsync(result.FeedId!.Value);
        Assert.Equal(blog.Url("/feed.xml").AbsoluteUri, feed.Url);
        Assert.Equal(0, feed.ErrorCount);
        Assert.True(feed.NextCheckAt > DateTimeOffset.UtcNow, "the first fetch counts: the feed is not due again at once");
        var subscription = Assert.Single(await new SubscriptionStore(harness.Database).ListAsync(harness.UserId));
        Assert.Equal("Blogs", subscription.FolderTitle);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_same_feed_through_other_addresses_and_users_is_one_feed_row(string engine)
    {
        await using var blog = await BlogAsync();
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var service = Service(harness);
        var bob = (await new UserStore(harness.Database).CreateAsync("bob", "h", false, DateTimeOffset.UtcNow))!.Id;

        var fromPage = await service.SubscribeAsync(harness.UserId, blog.Url("/").AbsoluteUri, null, null, CancellationToken.None);
        var direct = await service.SubscribeAsync(harness.UserId, blog.Url("/feed.xml#top").AbsoluteUri, null, null, CancellationToken.None);
        var upperCase = await service.SubscribeAsync(bob, blog.Url("/feed.xml").AbsoluteUri.Replace("http://", "HTTP://", StringComparison.Ordinal), null, "Bob's", CancellationToken.None);

        Assert.Equal(fromPage.FeedId, direct.FeedId);
        Assert.True(direct.AlreadySubscribed);
        Assert.Equal(fromPage.FeedId, upperCase.FeedId);
        Assert.False(upperCase.AlreadySubscribed);
        Assert.Equal(1, await Storage.StorageFixtures.CountAsync(harness.Database, "SELECT COUNT(*) FROM feeds"));
        Assert.Equal(3, await Storage.StorageFixtures.CountAsync(harness.Database, "SELECT COUNT(*) FROM entry_states WHERE user_id = @bob", new { bob }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_page_with_several_feeds_asks_which_one(string engine)
    {
        await using var blog = await BlogAsync();
        await using var harness = await RefreshHarness.CreateAsync(engine);

        var result = await Service(harness).SubscribeAsync(harness.UserId, blog.Url("/two").AbsoluteUri, null, null, CancellationToken.None);

        Assert.Equal(SubscribeStatus.ChooseOne, result.Status);
        Assert.Equal(["Posts", "Comments"], result.Choices!.Select(c => c.Title));
        Assert.Equal(0, await Storage.StorageFixtures.CountAsync(harness.Database, "SELECT COUNT(*) FROM subscriptions"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_private_address_is_refused_with_a_clear_message(string engine)
    {
        await using var blog = await BlogAsync();
        await using var harness = await RefreshHarness.CreateAsync(engine, FetchOptions.Default);

        var result = await Service(harness).SubscribeAsync(harness.UserId, blog.Url("/").AbsoluteUri, null, null, CancellationToken.None);

        Assert.Equal(SubscribeStatus.Failed, result.Status);
        Assert.StartsWith("Refused to connect to 127.0.0.1 (loopback)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, blog.RequestCount);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Not_an_address_and_no_feed_are_failures_that_say_so(string engine)
    {
        await using var harness = await RefreshHarness.CreateAsync(engine);
        await using var empty = await TestWebServer.StartAsync((app, _) => app.MapGet("/", () => Results.Content("<html><body>No feeds here</body></html>", "text/html")));

        var bad = await Service(harness).SubscribeAsync(harness.UserId, "ftp://example.com/feed", null, null, CancellationToken.None);
        var none = await Service(harness).SubscribeAsync(harness.UserId, empty.Url("/").AbsoluteUri, null, null, CancellationToken.None);

        Assert.Equal("\"ftp://example.com/feed\" is not a web address (http or https).", bad.Message);
        Assert.StartsWith("No feed found at", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP://Example.COM:80/Feed?x=1#frag", "http://example.com/Feed?x=1")]
    [InlineData("https://example.com:443/feed", "https://example.com/feed")]
    [InlineData("https://example.com:8443/feed", "https://example.com:8443/feed")]
    [InlineData("https://例子.测试/feed", "https://xn--fsqu00a.xn--0zwm56d/feed")]
    public void Feed_addresses_are_normalized(string input, string expected) =>
        Assert.Equal(expected, FeedAddress.Normalize(new Uri(input)));

    [Theory]
    [InlineData("example.com/feed", "https://example.com/feed")]
    [InlineData("  http://example.com ", "http://example.com/")]
    public void Typed_addresses_without_a_scheme_mean_https(string typed, string expected)
    {
        Assert.True(FeedAddress.TryParse(typed, out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }
}
