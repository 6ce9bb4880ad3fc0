using System.Globalization;

namespace Inertia.Tests.Web;

/// <summary>Words that read right in both languages: a star's state apart from the action, counts of one, the whole keyboard sheet.</summary>
public sealed class WordingTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task UseChineseAsync(ReaderClient client) =>
        await client.PostAsync("/settings?handler=Save", "/settings", false,
            ("Language", "zh-CN"), ("Theme", "Light"), ("EntriesPerPage", "20"), ("OldestFirst", "false"), ("MarkReadOn", "Open"), ("ShowRead", "true"), ("TimeZone", "UTC"));

    [Fact]
    public async Task A_starred_entry_reads_as_starred_while_the_action_and_the_list_keep_their_words()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            var id = (await client.GetAsync("/unread")).Document.QuerySelector("#entries > .entry")!.GetAttribute("data-id")!;
            await client.PostAsync($"/entries/{id}/star", "/unread");

            var english = await client.GetAsync($"/entries/{id}");
            Assert.Equal("★ Starred", english.Text("button.star"));
            Assert.Equal("Starred", english.Text(".views a[href='/starred']").Split(' ')[0]);

            await UseChineseAsync(client);
            var chinese = await client.GetAsync($"/entries/{id}");
            Assert.Equal("★ 已收藏", chinese.Text("button.star"));
            var button = chinese.Document.QuerySelector("button.star")!;
            Assert.Equal(("收藏", "已收藏"), (button.GetAttribute("data-star-label"), button.GetAttribute("data-starred-label")));
            // The list keeps the name of a list: 收藏, as in 前往收藏.
            Assert.Equal("收藏", chinese.Text(".views a[href='/starred']").Split(' ')[0]);
            Assert.Equal("收藏", (await client.GetAsync("/starred")).Text("h1").Split(' ')[0]);
        }
    }

    [Fact]
    public async Task Subscribing_to_a_feed_of_one_entry_and_a_folder_of_one_feed_say_so_in_the_singular()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl, folder: "Blogs");
            Assert.Contains("Subscribed to Loopback Blog: 1 new entry.", (await client.GetAsync($"/feeds/{Id(feedId)}")).Text(".flash"), StringComparison.Ordinal);
            Assert.Contains("1 feed", (await client.GetAsync("/subscriptions")).Html, StringComparison.Ordinal);
            Assert.DoesNotContain("1 feeds", (await client.GetAsync("/subscriptions")).Html, StringComparison.Ordinal);

            // The way back from an article of the starred list names the list, not the state.
            var id = (await client.GetAsync("/unread")).Document.QuerySelector("#entries > .entry")!.GetAttribute("data-id")!;
            await client.PostAsync($"/entries/{id}/star", "/unread");
            await UseChineseAsync(client);
            var back = (await client.GetAsync($"/entries/{id}?from=starred")).Text(".article-nav");
            Assert.Contains("← 收藏", back, StringComparison.Ordinal);
            Assert.DoesNotContain("已收藏", back, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refresh_with_one_new_entry_says_entry_and_with_two_says_entries()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            site.Publish("Second");
            var one = await client.PostAsync("/refresh", "/unread", true, ("feedId", Id(feedId)));
            Assert.Contains("\"message\":\"Refreshed: 1 new entry.\"", one.Html, StringComparison.Ordinal);
            site.Publish("Third");
            site.Publish("Fourth");
            var two = await client.PostAsync("/refresh", "/unread", true, ("feedId", Id(feedId)));
            Assert.Contains("\"message\":\"Refreshed: 2 new entries.\"", two.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_keyboard_sheet_lists_g_t_and_u_and_the_page_carries_the_words_of_a_refresh_in_both_languages()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var english = await client.GetAsync("/unread");
            var items = english.Document.QuerySelectorAll("#help dd").Select(d => d.TextContent.Trim()).ToList();
            Assert.Contains("Go to Today", items);
            Assert.Contains("Back to the list", items);
            var main = english.Document.QuerySelector("main")!;
            Assert.Equal("Refreshing…", main.GetAttribute("data-refreshing"));
            Assert.Equal("The refresh could not be sent.", main.GetAttribute("data-refresh-failed"));

            await UseChineseAsync(client);
            var chinese = await client.GetAsync("/unread");
            items = chinese.Document.QuerySelectorAll("#help dd").Select(d => d.TextContent.Trim()).ToList();
            Assert.Contains("前往今日", items);
            Assert.Contains("返回列表", items);
            Assert.Equal("正在刷新…", chinese.Document.QuerySelector("main")!.GetAttribute("data-refreshing"));
        }
    }
}
