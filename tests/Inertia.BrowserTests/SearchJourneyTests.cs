using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>Searching as a reader does, in a real Chromium: the box, Chinese and English, marks, scope, order, a bad query, on a phone.</summary>
public sealed class SearchJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_reader_searches_in_chinese_and_english_scopes_to_a_feed_and_is_told_what_is_wrong()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var news = await FeedSite.StartAsync("科技新闻", items: 0);
        news.Publish("微软修复严重漏洞", DateTimeOffset.UtcNow.AddHours(-1), "<p>微软发布补丁，修复 Windows 中的一个严重漏洞。</p>");
        news.Publish("北京大学的量子计算", DateTimeOffset.UtcNow.AddHours(-2), "<p>北京大学研究团队在量子位纠错方面取得突破。</p>");
        await using var blog = await FeedSite.StartAsync("Kernel Blog", items: 0);
        blog.Publish("Kernel security update", DateTimeOffset.UtcNow.AddHours(-3), "<p>A vulnerability (漏洞) in the Linux kernel was fixed.</p>");
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        await using var reader = await ReaderSession.OpenAsync(browser, app);
        var page = reader.Page;
        await reader.SignInAsync("ann", "password1");
        await reader.SubscribeAsync(news.FeedUrl);
        await reader.SubscribeAsync(blog.FeedUrl);
        await reader.GoAsync("/unread");

        // "/" focuses the box; typing and Enter search everywhere, in any language.
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("漏洞");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q="));
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["微软修复严重漏洞", "Kernel security update"]);
        await Assertions.Expect(page.Locator("#search-count")).ToHaveTextAsync("2 results");
        await Assertions.Expect(page.Locator("#entries .entry-title mark")).ToHaveTextAsync(["漏洞"]);
        await Assertions.Expect(page.Locator("#entries .entry-snippet mark").First).ToHaveTextAsync("漏洞");
        await reader.ScreenshotAsync("20-search-chinese");

        // A single character finds what contains it; the order can be changed.
        await page.FillAsync("#search-box", "京");
        await page.PressAsync("#search-box", "Enter");
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["北京大学的量子计算"]);
        await page.FillAsync("#search-box", "漏洞 OR 量子");
        await page.PressAsync("#search-box", "Enter");
        await page.ClickAsync(".search-order a:has-text('Oldest first')");
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["Kernel security update", "北京大学的量子计算", "微软修复严重漏洞"]);

        // On a feed's page the box offers to search that feed only.
        await page.ClickAsync(".sidebar a:has-text('Kernel Blog')");
        await Assertions.Expect(page.Locator(".list-head h1")).ToContainTextAsync("Kernel Blog");
        await page.SelectOptionAsync("select[name=in]", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#search-box", "漏洞");
        await page.PressAsync("#search-box", "Enter");
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["Kernel security update"]);
        await Assertions.Expect(page.Locator(".search-head .filter-note")).ToContainTextAsync("Kernel Blog");
        await page.ClickAsync("a:has-text('Search everywhere')");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(2);

        // Opening a result reads it, like any list.
        await page.ClickAsync("#entries .entry-link >> nth=0");
        await Assertions.Expect(page.Locator("article h1")).ToHaveTextAsync("微软修复严重漏洞");

        // A query that cannot be read says what is wrong and where, beside the help.
        await page.FillAsync("#search-box", "title:\"unclosed");
        await page.PressAsync("#search-box", "Enter");
        await Assertions.Expect(page.Locator(".search-error")).ToContainTextAsync("The quote at position 7 is never closed.");
        await Assertions.Expect(page.Locator(".search-error mark")).ToHaveTextAsync("\"");
        await Assertions.Expect(page.Locator(".search-help")).ToBeVisibleAsync();
        await reader.ScreenshotAsync("21-search-error");
        reader.AssertNoProblems();
    }

    [SkippableFact]
    public async Task On_a_phone_search_results_fit_the_screen()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Pocket Blog", items: 3);
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        await using var phone = await ReaderSession.OpenAsync(browser, app, width: 390, height: 844);
        var page = phone.Page;
        await phone.SignInAsync("ann", "password1");
        await phone.SubscribeAsync(site.FeedUrl);
        await phone.GoAsync("/search?q=post");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(3);
        await phone.ScreenshotAsync("22-phone-search");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "The search page is wider than a phone's screen.");
        phone.AssertNoProblems();
    }
}
