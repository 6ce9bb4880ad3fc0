using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>The <c>r</c> key says what it is doing and how it went, and the keyboard sheet lists every key.</summary>
public sealed class RefreshJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Pressing_r_says_how_the_refresh_went_or_that_it_could_not_be_sent()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 1);
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "correct horse");
        await using var reader = await ReaderSession.OpenAsync(browser, app);
        var page = reader.Page;
        await reader.SignInAsync("ann", "correct horse");
        await reader.SubscribeAsync(site.FeedUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/feeds/\\d+$"));

        // The sheet lists g t and u too.
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#help")).ToContainTextAsync("Go to Today");
        await Assertions.Expect(page.Locator("#help")).ToContainTextAsync("Back to the list");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#help")).ToBeHiddenAsync();

        // A refresh that never reaches the server says so.
        await page.RouteAsync("**/refresh", route => route.AbortAsync());
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("#main > .flash")).ToHaveTextAsync("The refresh could not be sent.");
        await page.UnrouteAsync("**/refresh");

        // One that does shows its result on the page it reloads.
        site.Publish("Newer");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("#main > .flash")).ToHaveTextAsync("Refreshed: 1 new entry.");
        await Assertions.Expect(page.Locator("#entries .entry")).ToHaveCountAsync(2);
    }
}
