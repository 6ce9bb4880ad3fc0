using System.Globalization;
using System.Net;

namespace Inertia.Tests.Web;

/// <summary>The reader's search page over real HTTP: results, marks, scope, order, paging, errors, marking results read.</summary>
public sealed class SearchPageTests
{
    private static async Task<(FeedSite Tech, FeedSite News)> SitesAsync()
    {
        var tech = await FeedSite.StartAsync("Tech Notes", items: 0);
        tech.Publish("Kernel security update", DateTimeOffset.UtcNow.AddHours(-1), "<p>A critical vulnerability in the Linux kernel.</p>");
        tech.Publish("微软修复严重漏洞", DateTimeOffset.UtcNow.AddHours(-2), "<p>微软发布补丁，修复一个严重<b>漏洞</b>。</p>");
        tech.Publish("Gardening tips", DateTimeOffset.UtcNow.AddHours(-3), "<p>Nothing about computers.</p>");
        var news = await FeedSite.StartAsync("Daily News", items: 0);
        news.Publish("北京大学的量子计算", DateTimeOffset.UtcNow.AddHours(-4), "<p>北京大学研究团队发布新成果，与漏洞无关。</p>");
        news.Publish("Another kernel story", DateTimeOffset.UtcNow.AddHours(-5), "<p>More on the kernel <script>alert(1)</script> bug.</p>");
        return (tech, news);
    }

    [Fact]
    public async Task Results_mark_what_matched_in_titles_and_snippets_count_and_never_carry_markup()
    {
        var (tech, news) = await SitesAsync();
        await using var _ = tech;
        await using var __ = news;
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await ReaderPagesTests.SubscribeAsync(client, tech.FeedUrl);
            await ReaderPagesTests.SubscribeAsync(client, news.FeedUrl);

            var page = await client.GetAsync("/search?q=" + Uri.EscapeDataString("漏洞"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(["微软修复严重漏洞", "北京大学的量子计算"], page.Texts("#entries .entry-title"));
            Assert.Equal("2 results", page.Text("#search-count"));
            Assert.Equal(["漏洞", "漏洞", "漏洞"], page.Texts("#entries mark"));
            Assert.Equal("漏洞", page.Document.QuerySelector("#search-box")!.GetAttribute("value"));

            var kernel = await client.GetAsync("/search?q=KERNEL");
            Assert.Equal(["Kernel security update", "Another kernel story"], kernel.Texts("#entries .entry-title"));
            Assert.Equal(["Kernel", "kernel", "kernel", "kernel"], kernel.Texts("#entries mark"));
            // The snippet is text: a script in the feed is neither run nor shown as markup.
            Assert.Empty(kernel.Document.QuerySelectorAll("#entries script"));
            Assert.DoesNotContain("<script", kernel.Document.QuerySelector("#entries")!.InnerHtml, StringComparison.Ordinal);

            var oldest = await client.GetAsync("/search?q=kernel&order=oldest");
            Assert.Equal(["Another kernel story", "Kernel security update"], oldest.Texts("#entries .entry-title"));
            Assert.Equal("Oldest first", oldest.Text(".search-order strong"));
        }
    }

    [Fact]
    public async Task A_folder_or_feed_scopes_the_search_and_the_box_offers_it()
    {
        var (tech, news) = await SitesAsync();
        await using var _ = tech;
        await using var __ = news;
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var techId = await ReaderPagesTests.SubscribeAsync(client, tech.FeedUrl);
            await ReaderPagesTests.SubscribeAsync(client, news.FeedUrl);
            var feedPage = await client.GetAsync($"/feeds/{techId.ToString(CultureInfo.InvariantCulture)}");
            var scope = feedPage.Document.QuerySelector("#search-box + select[name=in]")!;
            Assert.Equal(["", $"feed:{techId}"], scope.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));

            var scoped = await client.GetAsync($"/search?q=kernel&in=feed:{techId}");
            Assert.Equal(["Kernel security update"], scoped.Texts("#entries .entry-title"));
            Assert.Contains("Tech Notes", scoped.Text(".search-head .filter-note"), StringComparison.Ordinal);
            Assert.Equal("selected", scoped.Document.QuerySelector($"select[name=in] option[value='feed:{techId}']")!.GetAttribute("selected"));
            // Another user's feed is no scope at all: the search runs over the reader's own entries.
            var unknown = await client.GetAsync("/search?q=kernel&in=feed:999999");
            Assert.Equal(2, unknown.Texts("#entries .entry-title").Count);
        }
    }

    [Fact]
    public async Task A_query_that_cannot_be_read_is_shown_back_with_the_problem_marked_and_help()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var page = await client.GetAsync("/search?q=" + Uri.EscapeDataString("kernel \"unclosed"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("The quote at position 8 is never closed.", page.Text(".search-error"), StringComparison.Ordinal);
            Assert.Equal("\"", page.Text(".search-error mark"));
            Assert.NotEmpty(page.Texts(".search-help dt"));

            var help = await client.GetAsync("/search");
            Assert.Equal("Search", help.Text("h1"));
            Assert.NotEmpty(help.Texts(".search-help dt"));
        }
    }

    [Fact]
    public async Task Pages_continue_after_the_last_result_and_marking_results_read_spares_the_rest()
    {
        await using var site = await FeedSite.StartAsync("Many", items: 0);
        for (var i = 1; i <= 13; i++)
        {
            site.Publish($"Match {i}", DateTimeOffset.UtcNow.AddMinutes(-i), "<p>needle here</p>");
        }
        site.Publish("Other", DateTimeOffset.UtcNow.AddMinutes(-30), "<p>nothing</p>");
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await client.PostAsync("/settings?handler=Save", "/settings", false, ("Language", "en"), ("Theme", "system"), ("EntriesPerPage", "10"), ("OldestFirst", "false"), ("MarkReadOn", "open"), ("ShowRead", "true"), ("TimeZone", "UTC"));
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            var first = await client.GetAsync("/search?q=needle");
            var titles = first.Texts("#entries .entry-title").ToList();
            Assert.Equal(10, titles.Count);
            var more = first.Document.QuerySelector("#load-more")!.GetAttribute("data-fragment")!;
            titles.AddRange((await client.GetAsync(more)).Texts(".entry-title"));
            Assert.Equal(Enumerable.Range(1, 13).Select(i => $"Match {i}"), titles);

            var marked = await client.PostAsync("/search/mark-read", "/search?q=needle", true, ("q", "needle"), ("shownAt", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
            Assert.Equal("""{"marked":13}""", marked.Html);
            Assert.Equal(["Other"], (await client.GetAsync($"/search?q=is:unread&in=feed:{feedId.ToString(CultureInfo.InvariantCulture)}")).Texts("#entries .entry-title"));
        }
    }
}
