using System.Net;
using Inertia.Feeds;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web;

/// <summary>Saved searches over real HTTP: saved from the results, in the sidebar with their unread count, edited, a private feed, deleted, the reader's own.</summary>
public sealed class SavedSearchPagesTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_search_is_saved_counted_in_the_sidebar_published_as_a_feed_edited_and_deleted(string engine)
    {
        Skip.If(engine == "postgres" && TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var site = await FeedSite.StartAsync("安全周报", items: 0);
        site.Publish("微软修复严重漏洞", DateTimeOffset.UtcNow.AddHours(-1), "<p>补丁修复漏洞。</p>");
        site.Publish("Kernel 漏洞 fixed", DateTimeOffset.UtcNow.AddHours(-2), "<p>A kernel flaw.</p>");
        site.Publish("Weather", DateTimeOffset.UtcNow.AddHours(-3), "<p>Sunny.</p>");
        await using var app = await ReaderApp.StartAsync(engine);
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            var results = await client.GetAsync("/search?q=" + Uri.EscapeDataString("漏洞"));
            Assert.Equal("漏洞", results.Document.QuerySelector("#save-search input[name=name]")!.GetAttribute("value"));

            var saved = await client.PostAsync("/searches", "/search?q=x", false, ("name", "Vulns"), ("query", "漏洞"));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            var path = saved.Location!;
            Assert.Matches("^/search/[0-9]+$", path);
            var id = path.Split('/')[^1];

            var page = await client.GetAsync(path);
            Assert.Equal("Vulns", page.Text(".list-head h1"));
            Assert.Equal(["微软修复严重漏洞", "Kernel 漏洞 fixed"], page.Texts("#entries .entry-title"));
            Assert.Equal("2", page.Text($"[data-count='search:{id}']"));
            Assert.Equal("active", page.Document.QuerySelector(".searches-nav li")!.GetAttribute("class"));
            // The same query searched again says it is saved; a second search of the same name is refused.
            Assert.Contains("Vulns", (await client.GetAsync("/search?q=" + Uri.EscapeDataString("漏洞"))).Text(".saved-search"), StringComparison.Ordinal);
            var twice = await client.PostAsync("/searches", "/search?q=x", true, ("name", "vulns"), ("query", "kernel"));
            Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
            Assert.Contains("already", twice.Html, StringComparison.Ordinal);
            var unreadable = await client.PostAsync("/searches", "/search?q=x", true, ("name", "Broken"), ("query", "\"open"));
            Assert.Contains("never closed", unreadable.Html, StringComparison.Ordinal);

            // Reading one lowers the count.
            var first = page.Document.QuerySelector("#entries .entry")!.GetAttribute("data-id")!;
            await client.PostAsync($"/entries/{first}/read", path, true);
            Assert.Equal("1", (await client.GetAsync("/unread")).Text($"[data-count='search:{id}']"));

            // Its private feed carries what it finds.
            await client.PostAsync("/settings/private-feeds", "/settings");
            var settings = await client.GetAsync("/settings");
            var address = settings.Document.QuerySelectorAll("#private-feeds fieldset")
                .Single(f => f.QuerySelector("legend")!.TextContent.Trim() == "Search: Vulns")
                .QuerySelector("input[data-format=atom]")!.GetAttribute("value")!;
            using var answer = await FeedsOutChecks.FetchAsync(address);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var feed = new FeedParser().Parse(await answer.Content.ReadAsByteArrayAsync(), documentUri: new Uri(address));
            Assert.Equal("Vulns", feed.Title);
            Assert.Equal(["微软修复严重漏洞", "Kernel 漏洞 fixed"], feed.Entries.Select(e => e.Title));

            // Edited: a new name and query.
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/searches/{id}", path, false, ("name", "Kernel"), ("query", "kernel"))).Status);
            // A page has nothing to post to.
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync(path, path, false, ("name", "x"))).Status);
            var edited = await client.GetAsync(path);
            Assert.Equal("Kernel", edited.Text(".list-head h1"));
            Assert.Equal(["Kernel 漏洞 fixed"], edited.Texts("#entries .entry-title"));

            // Another reader cannot see, change or delete it.
            var (other, _) = await app.SignedInAsync("bob");
            using (other)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).Status);
                Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{path.Replace("/search/", "/searches/", StringComparison.Ordinal)}/delete", "/unread", true)).Status);
            }

            var deleted = await client.PostAsync($"/searches/{id}/delete", path, false);
            Assert.Equal((HttpStatusCode.Redirect, "/unread"), (deleted.Status, deleted.Location));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).Status);
            Assert.Empty((await client.GetAsync("/unread")).Texts(".searches-nav li"));
            using var gone = await FeedsOutChecks.FetchAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
    }
}
