using System.Globalization;
using System.Net;
using Inertia.Storage.Public;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web.Public;

/// <summary>The recommended-feeds directory over real HTTP: open to visitors, filtered and searched on the server, subscribing with one click.</summary>
public sealed class DirectoryPageTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Visitors_see_the_shipped_catalog_even_before_the_first_account_exists()
    {
        await using var app = await ReaderApp.StartAsync();
        using var visitor = app.NewClient();
        var page = await visitor.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(49, page.Document.QuerySelectorAll(".directory-card").Length);
        Assert.Contains("The Cloudflare Blog", page.Texts(".directory-card h3"));
        Assert.DoesNotContain("Comments on: Blog", page.Html, StringComparison.Ordinal);
        // No icon is known before anyone follows these feeds: every card shows its letter.
        var exploitDb = page.Document.QuerySelectorAll(".directory-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == "Exploit-DB.com RSS Feed");
        Assert.Equal("E", exploitDb.QuerySelector(".icon.letter")!.TextContent);
        // Subscribing asks a visitor to sign in first, and comes back here.
        Assert.Equal("/login?returnUrl=%2Fdirectory", page.Document.QuerySelector(".directory-card .subscribe")!.GetAttribute("href"));
        // The reader itself still leads to the set-up page.
        Assert.Equal("/setup", (await visitor.GetAsync("/unread")).Location);
    }

    [Fact]
    public async Task Filters_by_category_and_language_and_searches_by_name_on_the_server()
    {
        await using var app = await ReaderApp.StartAsync();
        using var visitor = app.NewClient();
        var security = await visitor.GetAsync("/directory?category=Security");
        var securityCount = int.Parse(security.Text(".chips a[aria-current='true'] .count"), CultureInfo.InvariantCulture);
        Assert.True(securityCount > 10);
        Assert.Equal(securityCount, security.Document.QuerySelectorAll(".directory-card").Length);
        Assert.Equal(["Security"], security.Texts(".directory-group h2"));

        var chinese = await visitor.GetAsync("/directory?language=zh");
        Assert.All(chinese.Document.QuerySelectorAll(".directory-card h3"), h => Assert.Equal("zh", h.GetAttribute("lang")));
        Assert.Contains("阮一峰的网络日志", chinese.Texts(".directory-card h3"));
        Assert.DoesNotContain("The GitHub Blog", chinese.Texts(".directory-card h3"));

        var both = await visitor.GetAsync("/directory?category=Personal%20blogs&language=en");
        Assert.Equal(["The Blog of Author Tim Ferriss"], both.Texts(".directory-card h3"));
        // The other filter is kept by each filter's links.
        Assert.Contains(both.Document.QuerySelectorAll(".chips a"), a => a.GetAttribute("href") == "/directory?category=Personal%20blogs");

        Assert.Equal(["The Cloudflare Blog"], (await visitor.GetAsync("/directory?q=CLOUDFLARE")).Texts(".directory-card h3"));
        Assert.Equal(["阮一峰的网络日志"], (await visitor.GetAsync("/directory?q=" + Uri.EscapeDataString("阮一峰"))).Texts(".directory-card h3"));
        // LIKE's own wildcards match only themselves.
        var none = await visitor.GetAsync("/directory?q=%25");
        Assert.Empty(none.Document.QuerySelectorAll(".directory-card"));
        Assert.Contains("No recommended feed matches.", none.Text(".empty"), StringComparison.Ordinal);
        Assert.Equal("%", none.Document.QuerySelector(".directory-search input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_directory_speaks_chinese_to_a_chinese_browser()
    {
        await using var app = await ReaderApp.StartAsync();
        using var visitor = app.NewClient();
        var page = await visitor.GetAsync("/directory?category=Security", ("Accept-Language", "zh-CN,zh;q=0.9"));
        Assert.Equal("推荐订阅源", page.Text("h1"));
        Assert.Equal(["安全"], page.Texts(".directory-group h2"));
        Assert.Equal("推荐订阅源 · Inertia", page.Text("title"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Subscribing_from_the_directory_follows_the_feed_and_marks_it_subscribed(string engine)
    {
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 3);
        await using var app = await ReaderApp.StartAsync(engine);
        var sourceId = await PublicSite.AddToDirectoryAsync(app, site);
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var before = await client.GetAsync("/directory?q=loopback");
            var card = before.Document.QuerySelector($".directory-card[data-id='{Id(sourceId)}']")!;
            Assert.Equal($"/directory/{Id(sourceId)}/subscribe", card.QuerySelector("button.subscribe")!.GetAttribute("formaction"));
            // Not yet a stored feed: no public page to link to.
            Assert.Null(card.QuerySelector("h3 a"));

            var answer = await client.PostAsync($"/directory/{Id(sourceId)}/subscribe", "/directory", false, ("returnUrl", "/directory?q=loopback"));
            Assert.Equal((HttpStatusCode.Redirect, "/directory?q=loopback"), (answer.Status, answer.Location));
            var after = await client.GetAsync("/directory?q=loopback");
            Assert.Contains("Subscribed to Loopback Blog: 3 new entries.", after.Text(".flash"), StringComparison.Ordinal);
            var feedId = (await app.Get<SubscriptionStore>().ListAsync(user.Id)).Single().FeedId;
            card = after.Document.QuerySelector($".directory-card[data-id='{Id(sourceId)}']")!;
            Assert.Equal("✓ Subscribed", card.QuerySelector(".subscribed")!.TextContent.Trim());
            Assert.Equal($"/feeds/{Id(feedId)}", card.QuerySelector(".subscribed")!.GetAttribute("href"));
            Assert.Equal($"/f/{Id(feedId)}", card.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Equal(["Post 3", "Post 2", "Post 1"], (await client.GetAsync($"/feeds/{Id(feedId)}")).Texts("#entries .entry-title"));

            // Again: nothing new, and said so.
            await client.PostAsync($"/directory/{Id(sourceId)}/subscribe", "/directory", false, ("returnUrl", "/directory"));
            Assert.Contains("You already follow Loopback Blog.", (await client.GetAsync("/directory")).Text(".flash"), StringComparison.Ordinal);

            // Another reader sees the card as not followed.
            var (other, _) = await app.SignedInAsync("bob");
            using (other)
            {
                Assert.Null((await other.GetAsync("/directory?q=loopback")).Document.QuerySelector(".directory-card .subscribed"));
            }
        }
    }

    [Fact]
    public async Task Subscribing_needs_a_session_and_a_token_and_a_source_that_exists()
    {
        await using var site = await FeedSite.StartAsync();
        await using var app = await ReaderApp.StartAsync();
        var sourceId = await PublicSite.AddToDirectoryAsync(app, site);
        await app.CreateUserAsync("admin", admin: true);
        using var visitor = app.NewClient();
        var anonymous = await visitor.PostWithoutTokenAsync($"/directory/{Id(sourceId)}/subscribe", []);
        Assert.True(anonymous.Status is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"a visitor's POST answered {anonymous.Status}");
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostWithoutTokenAsync($"/directory/{Id(sourceId)}/subscribe", [])).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/directory/999999/subscribe", "/directory")).Status);
            Assert.Empty(await app.Get<SubscriptionStore>().ListAsync(user.Id));
        }
    }

    [Fact]
    public async Task A_source_that_cannot_be_fetched_says_why_and_subscribes_nothing()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            // The shipped catalog's feeds are on the internet, which the test's fetcher may not reach.
            var source = (await app.Get<DirectoryStore>().ListAsync(new DirectoryFilter(NameContains: "Martin Fowler"), null)).Single();
            var json = await client.PostAsync($"/directory/{Id(source.Id)}/subscribe", "/directory", json: true);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, json.Status);
            Assert.Contains("Could not subscribe:", json.Html, StringComparison.Ordinal);
            Assert.Empty(await app.Get<SubscriptionStore>().ListAsync(user.Id));
        }
    }
}
