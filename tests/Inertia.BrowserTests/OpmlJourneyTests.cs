using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>
/// OPML in the browser, in a real Chromium: one reader imports a file and watches its progress move without
/// reloading, exports everything, and a second reader, in Chinese, imports that export and gets the same
/// folders; the private feed addresses in the settings. Screenshots of each screen are saved as artifacts.
/// </summary>
public sealed partial class OpmlJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"/subscriptions/import/\d+$")]
    private static partial Regex ProgressPage();

    [SkippableFact]
    public async Task An_opml_file_imports_with_live_progress_and_its_export_imports_into_another_account_with_the_same_folders()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var farm = await FeedFarm.StartAsync();
        farm.Delay = TimeSpan.FromMilliseconds(150);
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "correct horse");
        await app.CreateUserAsync("bob", "correct horse");
        var feeds = Enumerable.Range(0, 30).Select(n => ((string?)(n < 12 ? "Engineering" : n < 24 ? "科技媒体" : null), $"Blog {n}", farm.Feed(n)))
            .Append(("Engineering", "Moved away", farm.Missing(1)))
            .Append(("科技媒体", "Not a feed", farm.NotAFeed(2)));
        var opml = OpmlFiles.Build(feeds);

        await using var ann = await ReaderSession.OpenAsync(browser, app);
        var page = ann.Page;
        await ann.SignInAsync("ann", "correct horse");
        await ann.GoAsync("/subscriptions");
        await page.ClickAsync("#opml a[href='/subscriptions/import']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import subscriptions");
        await ann.ScreenshotAsync("opml-01-import-form");
        await page.SetInputFilesAsync("input[name=Upload]", new FilePayload { Name = "feedly.opml", MimeType = "text/x-opml", Buffer = opml });
        await page.ClickAsync(".import-form button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(ProgressPage());

        // The page follows the import by itself: the counts move while it stays the same page.
        await page.EvaluateAsync("window.stillTheSamePage = true");
        await Assertions.Expect(page.Locator("[data-field=added]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".import-status")).ToContainTextAsync("Importing:");
        await ann.ScreenshotAsync("opml-02-import-running");
        await Assertions.Expect(page.Locator(".import-status")).ToHaveTextAsync("Finished: 30 added, 0 skipped, 2 failed.", new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.stillTheSamePage === true"), "the page reloaded instead of updating itself");
        await Assertions.Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "32");
        await Assertions.Expect(page.Locator(".failure-list .failure-title")).ToHaveTextAsync(["Moved away", "Not a feed"]);
        await Assertions.Expect(page.Locator(".failure-list .failure-reason").First).ToContainTextAsync("404");
        await Assertions.Expect(page.Locator(".import-next a[href='/unread']")).ToBeVisibleAsync();
        await ann.ScreenshotAsync("opml-03-import-finished");

        // The sidebar has the folders of the file.
        await ann.GoAsync("/subscriptions");
        await Assertions.Expect(page.Locator(".sidebar .folder summary a")).ToHaveTextAsync(["Engineering", "科技媒体"]);
        await ann.ScreenshotAsync("opml-04-subscriptions");

        // Everything exported as a file another reader (or account) imports.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#opml a[href='/subscriptions/export']"));
        Assert.Matches(@"^inertia-subscriptions-\d{4}-\d{2}-\d{2}\.opml$", download.SuggestedFilename);
        var exported = Path.Combine(BrowserFixture.ScreenshotFolder, "..", "opml-export-" + Guid.NewGuid().ToString("N") + ".opml");
        await download.SaveAsAsync(exported);

        // The private feed addresses, made from the settings.
        await ann.GoAsync("/settings");
        await page.ClickAsync("#private-feeds button[type=submit]");
        await Assertions.Expect(page.Locator("#private-feeds input.copy")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("#private-feeds legend")).ToHaveTextAsync(["Starred", "Engineering", "科技媒体"]);
        await page.Locator("#private-feeds").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "opml-05-private-feeds.png") });
        ann.AssertNoProblems();

        await using var bob = await ReaderSession.OpenAsync(browser, app, locale: "zh-CN", width: 390, height: 844);
        var bobPage = bob.Page;
        await bob.SignInAsync("bob", "correct horse");
        await bob.GoAsync("/subscriptions/import");
        await Assertions.Expect(bobPage.Locator("h1")).ToHaveTextAsync("导入订阅");
        await bobPage.SetInputFilesAsync("input[name=Upload]", exported);
        await bobPage.ClickAsync(".import-form button[type=submit]");
        await Assertions.Expect(bobPage).ToHaveURLAsync(ProgressPage());
        // Nothing is fetched again for Bob; the two dead feeds are reported with Ann's reasons.
        await Assertions.Expect(bobPage.Locator(".import-status")).ToHaveTextAsync("导入完成：添加 30 个，跳过 0 个，失败 2 个。", new() { Timeout = 60_000 });
        await bob.ScreenshotAsync("opml-06-import-finished-zh-phone");
        await bob.GoAsync("/subscriptions");
        await Assertions.Expect(bobPage.Locator(".sidebar .folder summary a")).ToHaveTextAsync(["Engineering", "科技媒体"]);
        var annFeeds = await FeedTableAsync(page, ann);
        Assert.Equal(annFeeds, await FeedTableAsync(bobPage, bob));
        bob.AssertNoProblems();
        File.Delete(exported);
    }

    /// <summary>Every feed of the subscriptions table with its folder.</summary>
    private static async Task<List<string>> FeedTableAsync(IPage page, ReaderSession session)
    {
        await session.GoAsync("/subscriptions");
        return (await page.Locator(".feeds-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.querySelector('.url').textContent + ' in ' + r.cells[1].textContent.trim())")).Order(StringComparer.Ordinal).ToList();
    }
}
