using System.Net;
using System.Text.RegularExpressions;
using Inertia.Catalog;
using Inertia.Storage.Public;
using Inertia.Subscriptions;
using Inertia.Tests.Support;
using Inertia.Tests.Web;
using Inertia.Tests.Web.Public;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>
/// The public pages in a real Chromium: the directory for a visitor and for a reader, subscribing from it,
/// a public feed page, an article, and a shared article opened signed out. Screenshots in both languages.
/// </summary>
public sealed partial class PublicPagesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Skipped = "Browser tests need Debian's chromium (apt-get install chromium).";

    /// <summary>Images of articles live on the internet; the test browser gets a blank pixel instead, so pages load whole and offline.</summary>
    private static async Task OfflineImagesAsync(ReaderSession session) =>
        await session.Page.RouteAsync(url => !url.StartsWith(session.BaseUrl.AbsoluteUri, StringComparison.Ordinal), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = FeedSite.Png }));

    [SkippableFact]
    public async Task A_reader_subscribes_from_the_directory_and_shares_an_article_a_visitor_then_opens()
    {
        Skip.IfNot(BrowserFixture.Available, Skipped);
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 4);
        await using var app = await ReaderApp.StartAsync();
        await PublicSite.AddToDirectoryAsync(app, site);
        await app.CreateUserAsync("ann", "correct horse");
        await using var ann = await ReaderSession.OpenAsync(browser, app);
        var page = ann.Page;
        await ann.SignInAsync("ann", "correct horse");

        // From the reader's top bar to the directory, narrowed by name; one click subscribes.
        await page.ClickAsync(".top-links a[href='/directory']");
        await page.FillAsync(".directory-search input[name=q]", "loopback");
        await page.PressAsync(".directory-search input[name=q]", "Enter");
        var card = page.Locator(".directory-card");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await card.Locator("button.subscribe").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Subscribed to Loopback Blog: 4 new entries.");
        await Assertions.Expect(card.Locator(".subscribed")).ToHaveTextAsync("✓ Subscribed");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/directory\\?q=loopback$"));
        await ann.ScreenshotAsync("public-01-directory-subscribed");

        // The reader's article view shares the entry; the link appears on the page.
        await card.Locator(".subscribed").ClickAsync();
        await page.ClickAsync("#entries .entry:first-child .entry-link");
        await Assertions.Expect(page.Locator(".article h1")).ToHaveTextAsync("Post 4");
        await page.ClickAsync("#share");
        var shareUrl = page.Locator("#share-url");
        await Assertions.Expect(shareUrl).ToHaveValueAsync(new Regex("/s/[A-Za-z0-9_-]{22}$"));
        var link = await shareUrl.InputValueAsync();
        await ann.ScreenshotAsync("public-02-article-shared");

        // A visitor, signed out, opens the link: the article, its source, and the way to the original.
        await using var visitor = await ReaderSession.OpenAsync(browser, app, locale: "zh-CN");
        await visitor.Page.GotoAsync(link);
        await Assertions.Expect(visitor.Page.Locator(".article h1")).ToHaveTextAsync("Post 4");
        await Assertions.Expect(visitor.Page.Locator(".article .content")).ToHaveTextAsync("Body of post 4.");
        await Assertions.Expect(visitor.Page.Locator("#read-original")).ToHaveTextAsync("阅读原文");
        await Assertions.Expect(visitor.Page.Locator("#open-in-inertia")).ToHaveTextAsync("在 Inertia 中打开");
        await Assertions.Expect(visitor.Page.Locator(".public-bar .tagline")).ToHaveTextAsync("高效追踪和阅读你感兴趣的博客、新闻、科技资讯");
        await Assertions.Expect(visitor.Page.Locator(".public-bar a.button")).ToHaveTextAsync("登录");
        await visitor.ScreenshotAsync("public-03-shared-article-signed-out-zh");

        // Revoked, the link leads nowhere.
        await page.ClickAsync("#revoke-share");
        await Assertions.Expect(page.Locator("#share")).ToBeVisibleAsync();
        var gone = await visitor.Page.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.NotFound, gone!.Status);
        ann.AssertNoProblems();
    }

    [SkippableFact]
    public async Task A_visitor_filters_the_directory_and_reads_a_public_feed_and_its_articles()
    {
        Skip.IfNot(BrowserFixture.Available, Skipped);
        Skip.If(SeedFeed is null, "The seed feed (../shared/seeds/cloudflare-blog-rss2.xml) is not beside this clone.");
        var seed = await File.ReadAllBytesAsync(SeedFeed!);
        await using var cloudflare = await TestWebServer.StartAsync((web, _) =>
            web.MapGet("/rss/", () => Microsoft.AspNetCore.Http.Results.Bytes(seed, "application/rss+xml; charset=utf-8")));
        await using var app = await ReaderApp.StartAsync();

        // An administrator points the catalog's Cloudflare entry at the local copy of its feed; a reader follows it.
        var directory = app.Get<DirectoryStore>();
        var source = (await directory.ListAsync(new DirectoryFilter(NameContains: "The Cloudflare Blog"), null)).Single();
        await directory.UpdateAsync(source.Id, new CatalogSource(source.Name, FeedAddress.Normalize(cloudflare.Url("/rss/")), source.SiteUrl, null, source.Category, source.Language, source.Description), true, DateTimeOffset.UtcNow);
        var (reader, _) = await app.SignedInAsync("ann");
        using (reader)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.PostAsync($"/directory/{source.Id}/subscribe", "/directory", json: true)).Status);
        }

        await using var visitor = await ReaderSession.OpenAsync(browser, app);
        await OfflineImagesAsync(visitor);
        var page = visitor.Page;
        await visitor.GoAsync("/directory");
        await Assertions.Expect(page.Locator(".directory-card")).ToHaveCountAsync(49);
        await visitor.ScreenshotAsync("public-04-directory");

        await page.ClickAsync("nav[aria-label='Categories'] a:has-text('Engineering blogs')");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("category=Engineering%20blogs$"));
        await Assertions.Expect(page.Locator(".directory-group h2")).ToHaveTextAsync(["Engineering blogs"]);
        await page.ClickAsync("nav[aria-label='Languages'] a:has-text('Chinese')");
        await Assertions.Expect(page.Locator(".directory-card h3")).ToHaveTextAsync(["有赞技术团队", "美团技术团队"]);
        await visitor.ScreenshotAsync("public-05-directory-filtered");

        // The Cloudflare card leads to its public page: icon, title, subscribers, its 20 articles.
        await visitor.GoAsync("/directory?q=cloudflare");
        await page.ClickAsync(".directory-card h3 a");
        await Assertions.Expect(page.Locator(".feed-card h1")).ToHaveTextAsync("The Cloudflare Blog");
        await Assertions.Expect(page.Locator(".subscribers")).ToHaveTextAsync("1 subscriber");
        await Assertions.Expect(page.Locator(".public-entries li")).ToHaveCountAsync(20);
        await visitor.ScreenshotAsync("public-06-feed-page");

        await page.ClickAsync(".public-entries li:first-child a");
        await Assertions.Expect(page.Locator(".article h1")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".byline .via .feed-title")).ToHaveTextAsync("The Cloudflare Blog");
        await Assertions.Expect(page.Locator(".article .content p").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".tags li").CountAsync() > 0);
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        Assert.Equal(canonical, await page.Locator("#read-original").GetAttributeAsync("href"));
        Assert.StartsWith("https://blog.cloudflare.com/", canonical, StringComparison.Ordinal);
        await ViewportScreenshotAsync(visitor, "public-07-article");
        visitor.AssertNoProblems();

        // The same pages in Chinese, on a phone.
        await using var phone = await ReaderSession.OpenAsync(browser, app, locale: "zh-CN", width: 390, height: 844);
        await OfflineImagesAsync(phone);
        await phone.GoAsync("/directory?language=zh");
        await Assertions.Expect(phone.Page.Locator("h1")).ToHaveTextAsync("推荐订阅源");
        await phone.ScreenshotAsync("public-08-directory-zh-phone");
        await phone.GoAsync(new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(phone.Page.Locator("#read-original")).ToHaveTextAsync("阅读原文");
        await ViewportScreenshotAsync(phone, "public-09-article-zh-phone");
        phone.AssertNoProblems();
    }

    /// <summary>What a visitor sees first: an article of the seed feed runs to ten thousand pixels.</summary>
    private static async Task ViewportScreenshotAsync(ReaderSession session, string name) =>
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });

    private static string? SeedFeed
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var seed = Path.Combine(dir.FullName, "..", "shared", "seeds", "cloudflare-blog-rss2.xml");
                if (File.Exists(seed))
                {
                    return Path.GetFullPath(seed);
                }
            }
            return null;
        }
    }
}
