using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>Making a rule as a reader does, in a real Chromium: from the settings, tried out before saving, listed, applied.</summary>
public sealed class RuleJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_reader_makes_a_rule_tries_it_before_saving_sees_it_listed_and_applies_it()
    {
        Skip.IfNot(BrowserFixture.Available, $"Browser tests need Debian's chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        await using var site = await FeedSite.StartAsync("Deals Daily", items: 0);
        site.Publish("Kernel news", DateTimeOffset.UtcNow.AddHours(-2));
        site.Publish("Sponsored: a phone", DateTimeOffset.UtcNow.AddHours(-1));
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        await using var reader = await ReaderSession.OpenAsync(browser, app);
        var page = reader.Page;
        await reader.SignInAsync("ann", "password1");
        await reader.SubscribeAsync(site.FeedUrl);

        await reader.GoAsync("/settings");
        await page.ClickAsync("#rules-link");
        await page.ClickAsync("#new-rule");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/rules/new$"));
        await page.FillAsync("input[name=Name]", "No sponsored posts");
        await page.FillAsync("input[name=Query]", "sponsored");
        await page.SelectOptionAsync("select[name=Scope]", new SelectOptionValue { Label = "Deals Daily" });
        await page.CheckAsync("input[name=Hide]");

        // Tried before it is saved: what it would change, and the form as it was.
        await page.ClickAsync("#test-rule");
        await Assertions.Expect(page.Locator("#rule-test .rule-run-count")).ToHaveTextAsync("Entries it would change in the last 30 days: 1");
        await Assertions.Expect(page.Locator("#rule-test .rule-samples a")).ToHaveTextAsync(["Sponsored: a phone"]);
        await Assertions.Expect(page.Locator("input[name=Name]")).ToHaveValueAsync("No sponsored posts");
        await Assertions.Expect(page.Locator("input[name=Hide]")).ToBeCheckedAsync();
        await reader.ScreenshotAsync("30-rule-form-tested");

        await page.ClickAsync("#save-rule");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/rules#rule-[0-9]+$"));
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Rule “No sponsored posts” saved.");
        await Assertions.Expect(page.Locator(".rule-name")).ToHaveTextAsync(["No sponsored posts"]);
        await Assertions.Expect(page.Locator(".rule-scope")).ToHaveTextAsync("Feed “Deals Daily”");
        await Assertions.Expect(page.Locator(".rule-actions")).ToHaveTextAsync("Hide");
        await Assertions.Expect(page.Locator(".rule-state")).ToHaveTextAsync("Enabled");
        await reader.ScreenshotAsync("31-rules-list");

        // Applied to what is already there: the sponsored post leaves the lists.
        await page.ClickAsync(".rule-apply");
        await Assertions.Expect(page.Locator(".rule-run-count")).ToHaveTextAsync("Entries it would change in the last 30 days: 1");
        await reader.ScreenshotAsync("32-rule-apply");
        await page.ClickAsync("#apply-rule");
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Applied “No sponsored posts” to the entries of the last 30 days. Entries changed: 1.");
        await reader.GoAsync("/unread");
        await Assertions.Expect(page.Locator("#entries .entry-title")).ToHaveTextAsync(["Kernel news"]);
        reader.AssertNoProblems();
    }
}
