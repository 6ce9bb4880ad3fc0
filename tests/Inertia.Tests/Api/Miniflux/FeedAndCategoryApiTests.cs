using System.Net;
using System.Text;
using Inertia.Storage.Feeds;
using static Inertia.Tests.Api.Miniflux.ApiFixture;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>Categories (folders, and 0 for the feeds outside folders), feeds, counters, icons, OPML and the OpenAPI document, over real HTTP.</summary>
public sealed class FeedAndCategoryApiTests
{
    [Fact]
    public async Task Categories_are_folders_plus_category_0_for_feeds_outside_folders()
    {
        await using var api = await StartAsync();
        var c = api.Client;
        var initial = (await c.GetAsync("/v1/categories")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(0, initial[0].GetProperty("id").GetInt64());
        Assert.Equal("Uncategorized", initial[0].GetProperty("title").GetString());
        Assert.Equal(api.User.Id, initial[0].GetProperty("user_id").GetInt64());

        var blogs = (await c.PostAsync("/v1/categories", new { title = " Blogs " })).Is(HttpStatusCode.Created).Json;
        var blogsId = blogs.GetProperty("id").GetInt64();
        Assert.Equal("Blogs", blogs.GetProperty("title").GetString());
        Assert.Equal("This category already exists.", (await c.PostAsync("/v1/categories", new { title = "Blogs" })).Is(HttpStatusCode.BadRequest).ErrorMessage);
        Assert.Equal("The title is mandatory.", (await c.PostAsync("/v1/categories", new { title = "  " })).Is(HttpStatusCode.BadRequest).ErrorMessage);
        Assert.Contains("not valid JSON", (await c.PostAsync("/v1/categories", "{nope")).Is(HttpStatusCode.BadRequest).ErrorMessage, StringComparison.Ordinal);

        var feedId = await SubscribeAsync(c, api.Site.HomeUrl, blogsId);
        await using var other = await Web.FeedSite.StartAsync("Other Blog", items: 2);
        var unfiledFeed = await SubscribeAsync(c, other.FeedUrl);

        var counted = (await c.GetAsync("/v1/categories?counts=true")).Is(HttpStatusCode.OK).Json.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt64());
        Assert.Equal(1, counted[0].GetProperty("feed_count").GetInt64());
        Assert.Equal(2, counted[0].GetProperty("total_unread").GetInt64());
        Assert.Equal(3, counted[blogsId].GetProperty("total_unread").GetInt64());
        Assert.False((await c.GetAsync("/v1/categories")).Json[1].TryGetProperty("feed_count", out _));

        Assert.Equal([feedId], (await c.GetAsync($"/v1/categories/{Id(blogsId)}/feeds")).Is(HttpStatusCode.OK).Ids());
        Assert.Equal([unfiledFeed], (await c.GetAsync("/v1/categories/0/feeds")).Is(HttpStatusCode.OK).Ids());
        var blogEntries = (await c.GetAsync($"/v1/categories/{Id(blogsId)}/entries")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(3, blogEntries.GetProperty("total").GetInt64());
        Assert.All(blogEntries.GetProperty("entries").EnumerateArray(), e => Assert.Equal(blogsId, e.GetProperty("feed").GetProperty("category").GetProperty("id").GetInt64()));
        var unfiledEntries = (await c.GetAsync("/v1/categories/0/entries")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(2, unfiledEntries.GetProperty("total").GetInt64());
        var oneEntry = unfiledEntries.GetProperty("entries")[0].GetProperty("id").GetInt64();
        (await c.GetAsync($"/v1/categories/0/entries/{Id(oneEntry)}")).Is(HttpStatusCode.OK);
        (await c.GetAsync($"/v1/categories/{Id(blogsId)}/entries/{Id(oneEntry)}")).Is(HttpStatusCode.NotFound);

        api.Site.Publish("Arrived");
        (await c.PutAsync($"/v1/categories/{Id(blogsId)}/refresh")).Is(HttpStatusCode.NoContent);
        Assert.Equal(4, (await c.GetAsync($"/v1/categories/{Id(blogsId)}/entries")).Json.GetProperty("total").GetInt64());
        (await c.PutAsync("/v1/categories/0/refresh")).Is(HttpStatusCode.NoContent);
        (await c.PutAsync($"/v1/categories/{Id(blogsId)}/mark-all-as-read")).Is(HttpStatusCode.NoContent);
        Assert.Equal(0, (await c.GetAsync($"/v1/categories/{Id(blogsId)}/entries?status=unread")).Json.GetProperty("total").GetInt64());
        Assert.Equal(2, (await c.GetAsync("/v1/entries?status=unread")).Json.GetProperty("total").GetInt64());
        (await c.PutAsync("/v1/categories/0/mark-all-as-read")).Is(HttpStatusCode.NoContent);
        Assert.Equal(0, (await c.GetAsync("/v1/entries?status=unread")).Json.GetProperty("total").GetInt64());

        var renamed = (await c.PutAsync($"/v1/categories/{Id(blogsId)}", new { title = "Weblogs" })).Is(HttpStatusCode.Created).Json;
        Assert.Equal("Weblogs", renamed.GetProperty("title").GetString());
        Assert.Equal("Weblogs", (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Json.GetProperty("category").GetProperty("title").GetString());
        (await c.PutAsync("/v1/categories/0", new { title = "Mine" })).Is(HttpStatusCode.BadRequest);
        (await c.DeleteAsync("/v1/categories/0")).Is(HttpStatusCode.BadRequest);
        (await c.PutAsync("/v1/categories/999999", new { title = "Mine" })).Is(HttpStatusCode.NotFound);
        (await c.GetAsync("/v1/categories/999999/entries")).Is(HttpStatusCode.NotFound);

        // Deleting a category keeps its feeds, outside folders.
        (await c.DeleteAsync($"/v1/categories/{Id(blogsId)}")).Is(HttpStatusCode.NoContent);
        (await c.DeleteAsync($"/v1/categories/{Id(blogsId)}")).Is(HttpStatusCode.NotFound);
        Assert.Equal([0L], (await c.GetAsync("/v1/categories")).Ids());
        Assert.Equal(0, (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Is(HttpStatusCode.OK).Json.GetProperty("category").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Feeds_are_created_with_discovery_listed_changed_refreshed_counted_and_deleted()
    {
        await using var api = await StartAsync();
        var c = api.Client;
        var feedId = await SubscribeAsync(c, api.Site.HomeUrl);
        Assert.Equal("This feed already exists.", (await c.PostAsync("/v1/feeds", new { feed_url = api.Site.FeedUrl.AbsoluteUri })).Is(HttpStatusCode.BadRequest).ErrorMessage);
        Assert.Equal("The feed URL is required.", (await c.PostAsync("/v1/feeds", new { category_id = 0 })).Is(HttpStatusCode.BadRequest).ErrorMessage);
        (await c.PostAsync("/v1/feeds", new { feed_url = api.Site.FeedUrl.AbsoluteUri, category_id = 424242 })).Is(HttpStatusCode.BadRequest);
        (await c.PostAsync("/v1/feeds", new { feed_url = "ftp://example.com/feed" })).Is(HttpStatusCode.BadRequest);

        var feed = (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(feedId, feed.GetProperty("id").GetInt64());
        Assert.Equal(api.User.Id, feed.GetProperty("user_id").GetInt64());
        Assert.Equal("Loopback Blog", feed.GetProperty("title").GetString());
        Assert.Equal(api.Site.FeedUrl.AbsoluteUri, feed.GetProperty("feed_url").GetString());
        Assert.Equal(api.Site.HomeUrl.AbsoluteUri, feed.GetProperty("site_url").GetString());
        Assert.Equal(0, feed.GetProperty("category").GetProperty("id").GetInt64());
        Assert.Equal(0, feed.GetProperty("parsing_error_count").GetInt32());
        Assert.Equal(JsonValueKindNull, feed.GetProperty("icon").ValueKind);
        Assert.EndsWith("Z", feed.GetProperty("checked_at").GetString(), StringComparison.Ordinal);
        Assert.Equal([feedId], (await c.GetAsync("/v1/feeds")).Ids());

        var folder = (await c.PostAsync("/v1/categories", new { title = "News" })).Json.GetProperty("id").GetInt64();
        var changed = (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { title = "My Blog", category_id = folder, crawler = true })).Is(HttpStatusCode.Created).Json;
        Assert.Equal("My Blog", changed.GetProperty("title").GetString());
        Assert.Equal("News", changed.GetProperty("category").GetProperty("title").GetString());
        (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { title = "" })).Is(HttpStatusCode.Created);
        Assert.Equal("My Blog", (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Json.GetProperty("title").GetString());
        (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { category_id = 0 })).Is(HttpStatusCode.Created);
        Assert.Equal(0, (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Json.GetProperty("category").GetProperty("id").GetInt64());
        (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { category_id = 999999 })).Is(HttpStatusCode.BadRequest);

        var counters = (await c.GetAsync("/v1/feeds/counters")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(3, counters.GetProperty("unreads").GetProperty(Id(feedId)).GetInt64());
        Assert.Equal(0, counters.GetProperty("reads").GetProperty(Id(feedId)).GetInt64());

        api.Site.Publish("Fresh post");
        (await c.PutAsync($"/v1/feeds/{Id(feedId)}/refresh")).Is(HttpStatusCode.NoContent);
        var entries = (await c.GetAsync($"/v1/feeds/{Id(feedId)}/entries?direction=desc")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(4, entries.GetProperty("total").GetInt64());
        Assert.Equal("Fresh post", entries.GetProperty("entries")[0].GetProperty("title").GetString());
        var first = entries.GetProperty("entries")[0].GetProperty("id").GetInt64();
        (await c.GetAsync($"/v1/feeds/{Id(feedId)}/entries/{Id(first)}")).Is(HttpStatusCode.OK);
        (await c.PutAsync("/v1/feeds/refresh")).Is(HttpStatusCode.NoContent);

        (await c.PutAsync($"/v1/feeds/{Id(feedId)}/mark-all-as-read")).Is(HttpStatusCode.NoContent);
        counters = (await c.GetAsync("/v1/feeds/counters")).Json;
        Assert.Equal(0, counters.GetProperty("unreads").GetProperty(Id(feedId)).GetInt64());
        Assert.Equal(4, counters.GetProperty("reads").GetProperty(Id(feedId)).GetInt64());

        (await c.DeleteAsync($"/v1/feeds/{Id(feedId)}")).Is(HttpStatusCode.NoContent);
        (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Is(HttpStatusCode.NotFound);
        (await c.GetAsync($"/v1/feeds/{Id(feedId)}/entries")).Is(HttpStatusCode.NotFound);
        Assert.Equal(0, (await c.GetAsync("/v1/entries")).Json.GetProperty("total").GetInt64());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Icons_are_served_as_miniflux_data_and_discovery_lists_a_sites_feeds()
    {
        await using var api = await StartAsync();
        var c = api.Client;
        var feedId = await SubscribeAsync(c, api.Site.FeedUrl);
        (await c.GetAsync($"/v1/feeds/{Id(feedId)}/icon")).Is(HttpStatusCode.NotFound);
        await api.App.Get<IconStore>().SaveAsync(feedId, "image/png", Web.FeedSite.Png, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        var icon = (await c.GetAsync($"/v1/feeds/{Id(feedId)}/icon")).Is(HttpStatusCode.OK).Json;
        Assert.Equal("image/png", icon.GetProperty("mime_type").GetString());
        Assert.Equal("image/png;base64," + Convert.ToBase64String(Web.FeedSite.Png), icon.GetProperty("data").GetString());
        var reference = (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Json.GetProperty("icon");
        Assert.Equal(feedId, reference.GetProperty("feed_id").GetInt64());
        var iconId = reference.GetProperty("icon_id").GetInt64();
        Assert.Equal(icon.GetProperty("data").GetString(), (await c.GetAsync($"/v1/icons/{Id(iconId)}")).Is(HttpStatusCode.OK).Json.GetProperty("data").GetString());

        var found = (await c.PostAsync("/v1/discover", new { url = api.Site.HomeUrl.AbsoluteUri })).Is(HttpStatusCode.OK).Json;
        Assert.Equal(api.Site.FeedUrl.AbsoluteUri, found[0].GetProperty("url").GetString());
        Assert.Equal("rss", found[0].GetProperty("type").GetString());
        (await c.PostAsync("/v1/discover", new { url = "" })).Is(HttpStatusCode.BadRequest);
        var nothing = await c.PostAsync("/v1/discover", new { url = "http://127.0.0.1:1/" });
        Assert.True(nothing.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, nothing.Body);
        Assert.False(string.IsNullOrEmpty(nothing.ErrorMessage));
    }

    [Fact]
    public async Task Opml_exports_the_subscriptions_with_folders_and_imports_them_for_another_user()
    {
        await using var api = await StartAsync();
        var folder = (await api.Client.PostAsync("/v1/categories", new { title = "Blogs" })).Json.GetProperty("id").GetInt64();
        await SubscribeAsync(api.Client, api.Site.FeedUrl, folder);
        var export = (await api.Client.GetAsync("/v1/export")).Is(HttpStatusCode.OK);
        Assert.StartsWith("text/xml", export.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains(api.Site.FeedUrl.AbsoluteUri, export.Body, StringComparison.Ordinal);
        Assert.Contains("Blogs", export.Body, StringComparison.Ordinal);

        await api.App.CreateUserAsync("bob", Password);
        using var bob = ApiClient.Basic(api.App.BaseUrl, "bob", Password);
        var imported = (await bob.SendAsync(HttpMethod.Post, "/v1/import", content: new StringContent(export.Body, Encoding.UTF8, "text/xml"))).Is(HttpStatusCode.Created);
        Assert.Equal("Feeds imported successfully", imported.Json.GetProperty("message").GetString());
        var feeds = (await bob.GetAsync("/v1/feeds")).Json;
        Assert.Equal(api.Site.FeedUrl.AbsoluteUri, feeds[0].GetProperty("feed_url").GetString());
        Assert.Equal("Blogs", feeds[0].GetProperty("category").GetProperty("title").GetString());
        // The feed was known: bob has its entries at once.
        Assert.Equal(3, (await bob.GetAsync("/v1/entries")).Json.GetProperty("total").GetInt64());

        var broken = (await bob.SendAsync(HttpMethod.Post, "/v1/import", content: new StringContent("this is not OPML", Encoding.UTF8, "text/xml"))).Is(HttpStatusCode.BadRequest);
        Assert.Contains("OPML", broken.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_needs_no_credentials()
    {
        await using var api = await StartAsync();
        using var anonymous = ApiClient.Anonymous(api.App.BaseUrl);
        var document = (await anonymous.GetAsync("/v1/openapi.json")).Is(HttpStatusCode.OK).Json;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/me", "/v1/categories", "/v1/feeds", "/v1/feeds/{id}/entries", "/v1/entries", "/v1/entries/{id}/bookmark", "/v1/export", "/v1/import", "/v1/feeds/counters" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        Assert.False(paths.TryGetProperty("/healthz", out _));
        Assert.Contains("entry_ids", document.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_and_keep_lists_become_rules_of_the_feed_and_read_back_as_set()
    {
        await using var api = await StartAsync(items: 4);
        var c = api.Client;
        Assert.Contains("blocklist_rules", (await c.PostAsync("/v1/feeds", new { feed_url = api.Site.FeedUrl.AbsoluteUri, blocklist_rules = "(unclosed" })).Is(HttpStatusCode.BadRequest).ErrorMessage, StringComparison.Ordinal);
        var created = (await c.PostAsync("/v1/feeds", new { feed_url = api.Site.FeedUrl.AbsoluteUri, blocklist_rules = "Post 2|of post 3|no/such" })).Is(HttpStatusCode.Created);
        var feedId = created.Json.GetProperty("feed_id").GetInt64();

        // The first fetch's entries met the list: posts 2 and 3 are hidden.
        var feed = (await c.GetAsync($"/v1/feeds/{Id(feedId)}")).Is(HttpStatusCode.OK).Json;
        Assert.Equal("Post 2|of post 3|no/such", feed.GetProperty("blocklist_rules").GetString());
        Assert.Equal("", feed.GetProperty("keeplist_rules").GetString());
        var titles = (await c.GetAsync("/v1/entries")).Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).Order().ToList();
        Assert.Equal(["Post 1", "Post 4"], titles);

        var changed = (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { blocklist_rules = "", keeplist_rules = "(?i)^IMPORTANT" })).Is(HttpStatusCode.Created).Json;
        Assert.Equal("", changed.GetProperty("blocklist_rules").GetString());
        Assert.Equal("(?i)^IMPORTANT", changed.GetProperty("keeplist_rules").GetString());
        Assert.Equal("(?i)^IMPORTANT", (await c.GetAsync("/v1/feeds")).Json[0].GetProperty("keeplist_rules").GetString());
        Assert.Contains("keeplist_rules", (await c.PutAsync($"/v1/feeds/{Id(feedId)}", new { keeplist_rules = "[z-a]" })).Is(HttpStatusCode.BadRequest).ErrorMessage, StringComparison.Ordinal);

        // New entries meet the keep list.
        api.Site.Publish("Important: kept");
        api.Site.Publish("Not kept");
        (await c.PutAsync($"/v1/feeds/{Id(feedId)}/refresh")).Is(HttpStatusCode.NoContent);
        var after = (await c.GetAsync("/v1/entries")).Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Important: kept", after);
        Assert.DoesNotContain("Not kept", after);
    }

    [Fact]
    public async Task Following_a_feed_others_follow_already_runs_the_readers_rules_on_the_entries_they_get()
    {
        await using var api = await StartAsync(items: 3);
        var feedId = await SubscribeAsync(api.Client, api.Site.FeedUrl);
        var bob = await api.App.CreateUserAsync("bob", Password);
        await api.App.Get<Inertia.Storage.Rules.RuleStore>().CreateAsync(bob.Id, new Inertia.Storage.Rules.RuleDraft("no post 2", "title:\"post 2\"") { Actions = Inertia.Storage.Rules.RuleActions.Hide }, DateTimeOffset.UtcNow);
        var bobs = ApiClient.Basic(api.App.BaseUrl, "bob", Password);

        Assert.Equal(feedId, await SubscribeAsync(bobs, api.Site.FeedUrl));

        var titles = (await bobs.GetAsync("/v1/entries")).Is(HttpStatusCode.OK).Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).Order().ToList();
        Assert.Equal(["Post 1", "Post 3"], titles);
        Assert.Equal(3, (await api.Client.GetAsync("/v1/entries")).Json.GetProperty("total").GetInt64());
    }
}
