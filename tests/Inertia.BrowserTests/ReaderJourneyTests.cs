using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>
/// The reader as people use it, in a real Chromium: first run, subscribing, reading, starring, the keyboard,
/// marking all read, dark mode and Chinese, and a second user who sees nothing of the first. Screenshots of
/// the main screens are saved as test artifacts.
/// </summary>
public sealed partial class ReaderJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_new_user_sets_up_subscribes_reads_stars_and_navigates_by_keyboard()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 4);
        await using var app = await ReaderApp.StartAsync();
        await using var admin = await ReaderSession.OpenAsync(browser, app);
        var page = admin.Page;

        // First run: every address leads to the set-up page, which creates the administrator.
        await admin.GoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await admin.ScreenshotAsync("01-setup");
        await page.FillAsync("input[name=Username]", "ann");
        await page.FillAsync("input[name=Password]", "correct horse");
        await page.FillAsync("input[name=Confirm]", "correct horse");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/subscriptions$"));

        // Subscribing from the blog's home page finds its feed.
        await page.FillAsync("input[name=Address]", site.HomeUrl.AbsoluteUri);
        await page.FillAsync("input[name=Folder]", "Blogs");
        await page.ClickAsync(".add-form button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Subscribed to Loopback Blog: 4 new entries.");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-count='total']")).ToHaveTextAsync("4");
        await admin.ScreenshotAsync("02-feed-list");

        // Reading an entry marks it read; its page has everything the article view should.
        await page.ClickAsync("#entries .entry:first-child .entry-link");
        await Assertions.Expect(page.Locator(".article h1")).ToHaveTextAsync("Post 4");
        await Assertions.Expect(page.Locator(".article .content")).ToHaveTextAsync("Body of post 4.");
        await Assertions.Expect(page.Locator(".byline")).ToContainTextAsync("Ann Author");
        await Assertions.Expect(page.Locator(".tags li")).ToHaveTextAsync(["News"]);
        await Assertions.Expect(page.Locator("[data-count='total']")).ToHaveTextAsync("3");
        await admin.ScreenshotAsync("03-article");

        // Starring works in place, and the count follows.
        await page.ClickAsync(".article-actions .star");
        await Assertions.Expect(page.Locator(".article-actions .star")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[data-count='starred']")).ToHaveTextAsync("1");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".article-actions .star")).ToHaveAttributeAsync("aria-pressed", "true");

        // Elsewhere the folder is closed; opening it loads its feeds.
        await admin.GoAsync("/starred");
        await Assertions.Expect(page.Locator(".folder .feed")).ToHaveCountAsync(0);
        await page.ClickAsync(".folder summary", new() { Position = new() { X = 4, Y = 8 } });
        await Assertions.Expect(page.Locator(".folder .feed .name")).ToHaveTextAsync(["Loopback Blog"]);
        await Assertions.Expect(page.Locator(".folder .feed .count")).ToHaveTextAsync("3");

        // The keyboard: j/k move through the list, o opens, j/k walk the articles, s stars, m toggles read, u goes back.
        await admin.GoAsync("/all");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#entries .entry.current .entry-title")).ToHaveTextAsync("Post 4");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("#entries .entry.current .entry-title")).ToHaveTextAsync("Post 3");
        await page.Keyboard.PressAsync("o");
        await Assertions.Expect(page.Locator(".article h1")).ToHaveTextAsync("Post 3");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator(".article h1")).ToHaveTextAsync("Post 2");
        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(page.Locator(".article-actions .star")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("m");
        await Assertions.Expect(page.Locator(".article-actions .toggle-read")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator("[data-count='total']")).ToHaveTextAsync("2");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator(".article h1")).ToHaveTextAsync("Post 3");
        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/all$"));
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/starred$"));
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["Post 4", "Post 2"]);
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#help")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("04-keyboard-help");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#help")).ToBeHiddenAsync();

        // "/" goes to the search box; Enter searches, and what matched is marked.
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/all$"));
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("\"post 1\"");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q="));
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["Post 1"]);
        await Assertions.Expect(page.Locator("#entries .entry-title mark")).ToHaveTextAsync(["Post", "1"]);

        // A (with a confirmation) marks everything read.
        await admin.GoAsync("/unread");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(2);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Keyboard.PressAsync("A");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("All caught up");
        await Assertions.Expect(page.Locator("[data-count='total']")).ToHaveTextAsync("");
        admin.AssertNoProblems();
    }

    [SkippableFact]
    public async Task Dark_mode_and_chinese_follow_the_settings_and_a_second_user_sees_nothing_of_the_first()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("少数派", items: 0);
        site.Publish("如何高效地阅读订阅源：惯性聚合使用指南", DateTimeOffset.UtcNow.AddMinutes(-30),
            "<p>订阅源（RSS）让你在一个地方读到所有关心的博客、新闻和科技资讯。</p><h2>为什么选择 RSS</h2><p>没有算法推荐，没有广告，只有你选择的内容。</p><pre><code>inertia serve --urls http://127.0.0.1:8080</code></pre>");
        site.Publish("第二篇文章", DateTimeOffset.UtcNow.AddHours(-3));
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1", admin: true);
        await using var ann = await ReaderSession.OpenAsync(browser, app, locale: "zh-CN");
        var page = ann.Page;

        // A Chinese browser gets the Chinese sign-in page before any setting exists.
        await ann.GoAsync("/login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录惯性聚合");
        await page.FillAsync("input[name=Username]", "ann");
        await page.FillAsync("input[name=Password]", "password1");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/unread$"));

        await ann.GoAsync("/subscriptions");
        await page.FillAsync("input[name=Address]", site.FeedUrl.AbsoluteUri);
        await page.ClickAsync(".add-form button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("已订阅 少数派");

        await ann.GoAsync("/settings");
        await page.SelectOptionAsync("select[name=Theme]", "Dark");
        await page.SelectOptionAsync("select[name=Language]", "zh-CN");
        await page.ClickAsync(".settings-form button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("设置已保存。");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(20, 21, 24)", background);
        await ann.ScreenshotAsync("05-settings-dark-zh");

        await ann.GoAsync("/unread");
        await Assertions.Expect(page.Locator(".views li:first-child a")).ToContainTextAsync("未读");
        await Assertions.Expect(page.Locator("#entries .entry-title").First).ToHaveTextAsync("如何高效地阅读订阅源：惯性聚合使用指南");
        await Assertions.Expect(page.Locator("#entries .entry time").First).ToHaveTextAsync("30 分钟前");
        await ann.ScreenshotAsync("06-unread-dark-zh");
        await page.ClickAsync("#entries .entry:first-child .entry-link");
        await Assertions.Expect(page.Locator(".article-actions #read-original")).ToHaveTextAsync("阅读原文");
        await Assertions.Expect(page.Locator(".byline")).ToContainTextAsync("来自");
        await ann.ScreenshotAsync("07-article-dark-zh");

        // The administrator adds a second user, who signs in elsewhere and finds an empty reader.
        await ann.GoAsync("/admin/users");
        await page.FillAsync("input[name=Username]", "bob");
        await page.FillAsync("input[name=Password]", "password2");
        await page.FillAsync("input[name=Confirm]", "password2");
        await page.ClickAsync("button.primary");
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("已创建用户 bob。");
        var annFeedPath = "/feeds/1";

        await using var bob = await ReaderSession.OpenAsync(browser, app);
        await bob.SignInAsync("bob", "password2");
        await Assertions.Expect(bob.Page.Locator(".sidebar .feed")).ToHaveCountAsync(0);
        await Assertions.Expect(bob.Page.Locator(".empty")).ToContainTextAsync("You follow no feeds yet.");
        await Assertions.Expect(bob.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "system");
        var response = await bob.Page.GotoAsync(annFeedPath);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(bob.Page.Locator("h1")).ToHaveTextAsync("Not found");
        await bob.GoAsync("/all");
        await Assertions.Expect(bob.Page.Locator("#entries .entry")).ToHaveCountAsync(0);
        await bob.ScreenshotAsync("08-second-user-empty");
        ann.AssertNoProblems();
    }

    [SkippableFact]
    public async Task Long_lists_load_more_as_the_reader_scrolls_and_can_mark_read_on_scroll()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Busy Blog", items: 45);
        await using var app = await ReaderApp.StartAsync();
        var user = await app.CreateUserAsync("ann", "password1");
        await app.Get<Inertia.Storage.Accounts.UserStore>().SaveSettingsAsync(user.Id, user.Settings with { EntriesPerPage = 20, MarkReadOn = Inertia.Accounts.MarkReadOn.Scroll });
        await using var ann = await ReaderSession.OpenAsync(browser, app, width: 1000, height: 700);
        var page = ann.Page;
        await ann.SignInAsync("ann", "password1");
        await ann.SubscribeAsync(site.FeedUrl);

        await ann.GoAsync("/all");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(20);
        await page.Locator("#entries .entry").Nth(19).ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(40);
        await page.Locator("#entries .entry").Nth(39).ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(45);
        await Assertions.Expect(page.Locator("#load-more")).ToHaveCountAsync(0);
        var titles = await page.Locator("#entries .entry-title").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(i => $"Post {i}"), titles);

        // Entries scrolled past are marked read, in batches.
        await page.Mouse.WheelAsync(0, 100_000);
        await Assertions.Expect(page.Locator("[data-count='total']")).Not.ToHaveTextAsync("45");
        await page.WaitForTimeoutAsync(1500);
        var read = await page.Locator("#entries .entry.read").CountAsync();
        Assert.InRange(read, 30, 45);
        await ann.GoAsync("/unread");
        Assert.Equal(45 - read, await page.Locator("#entries .entry").CountAsync());
        ann.AssertNoProblems();
    }

    [SkippableFact]
    public async Task On_a_phone_the_sidebar_opens_from_the_menu_button()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Pocket Blog", items: 3);
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        await using var phone = await ReaderSession.OpenAsync(browser, app, width: 390, height: 844);
        var page = phone.Page;
        await phone.SignInAsync("ann", "password1");
        await phone.SubscribeAsync(site.FeedUrl);
        await phone.GoAsync("/unread");

        await Assertions.Expect(page.Locator(".sidebar")).Not.ToBeInViewportAsync();
        await phone.ScreenshotAsync("09-phone-list");
        await page.ClickAsync(".nav-button");
        await Assertions.Expect(page.Locator(".sidebar")).ToBeInViewportAsync(new() { Ratio = 1 });
        await phone.ScreenshotAsync("10-phone-sidebar");
        await page.ClickAsync(".sidebar .feed a");
        await Assertions.Expect(page.Locator(".list-head h1")).ToContainTextAsync("Pocket Blog");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The list page is wider than a phone's screen.");
        phone.AssertNoProblems();
    }
}
