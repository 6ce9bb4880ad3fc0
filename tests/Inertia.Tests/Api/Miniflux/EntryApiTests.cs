using System.Globalization;
using System.Net;
using System.Text.Json;
using Inertia.Tests.Support;
using Inertia.Tests.Web;
using static Inertia.Tests.Api.Miniflux.ApiFixture;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>Entries over real HTTP: every filter, order, paging and cursor (on SQLite and PostgreSQL), bulk status, the star, one entry.</summary>
public sealed class EntryApiTests
{
    private static readonly DateTimeOffset Base = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<string> Titles(JsonElement list) =>
        list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();

    private static long Total(ApiAnswer answer) => answer.Is(HttpStatusCode.OK).Json.GetProperty("total").GetInt64();

    private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Entries_filter_by_status_starred_feed_category_dates_search_and_page_by_offset_and_cursor(string engine)
    {
        await using var api = await StartAsync(engine, items: 0);
        await using var other = await FeedSite.StartAsync("Other Blog", items: 0);
        // Blog: a1 (oldest) … a4; Other: b1, b2; one day apart each, interleaved.
        for (var i = 1; i <= 4; i++)
        {
            api.Site.Publish($"a{i} apple", Base.AddDays(i * 2));
        }
        other.Publish("b1 banana", Base.AddDays(3));
        other.Publish("b2 Apple pie", Base.AddDays(5), "<p>contains CHERRY</p>");
        var c = api.Client;
        var folder = (await c.PostAsync("/v1/categories", new { title = "Blogs" })).Json.GetProperty("id").GetInt64();
        var blog = await SubscribeAsync(c, api.Site.FeedUrl, folder);
        var otherFeed = await SubscribeAsync(c, other.FeedUrl);

        var all = (await c.GetAsync("/v1/entries")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(6, all.GetProperty("total").GetInt64());
        // Miniflux's default: oldest first by publication.
        Assert.Equal(["a1 apple", "b1 banana", "a2 apple", "b2 Apple pie", "a3 apple", "a4 apple"], Titles(all));
        var ids = all.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("title").GetString()!, e => e.GetProperty("id").GetInt64());
        Assert.Equal(["a4 apple", "a3 apple", "b2 Apple pie", "a2 apple", "b1 banana", "a1 apple"], Titles((await c.GetAsync("/v1/entries?direction=desc")).Json));

        (await c.PutAsync("/v1/entries", new { entry_ids = new[] { ids["a1 apple"], ids["b1 banana"] }, status = "read" })).Is(HttpStatusCode.NoContent);
        (await c.PutAsync($"/v1/entries/{Id(ids["a3 apple"])}/bookmark")).Is(HttpStatusCode.NoContent);
        // Read and unread entries together stay in publication order, page by page.
        Assert.Equal(["a1 apple", "b1 banana", "a2 apple", "b2 Apple pie", "a3 apple", "a4 apple"], Titles((await c.GetAsync("/v1/entries")).Json));
        Assert.Equal(["b2 Apple pie", "a2 apple", "b1 banana"], Titles((await c.GetAsync("/v1/entries?direction=desc&limit=3&offset=2")).Json));
        Assert.Equal(["b1 banana", "a2 apple"], Titles((await c.GetAsync("/v1/entries?starred=false&limit=2&offset=1")).Json));

        Assert.Equal(["a2 apple", "b2 Apple pie", "a3 apple", "a4 apple"], Titles((await c.GetAsync("/v1/entries?status=unread")).Json));
        Assert.Equal(["a1 apple", "b1 banana"], Titles((await c.GetAsync("/v1/entries?status=read")).Json));
        Assert.Equal(6, Total(await c.GetAsync("/v1/entries?status=read&status=unread")));
        Assert.Equal(0, Total(await c.GetAsync("/v1/entries?status=removed")));
        Assert.Equal(["a3 apple"], Titles((await c.GetAsync("/v1/entries?starred=true")).Json));
        Assert.Equal(5, Total(await c.GetAsync("/v1/entries?starred=false")));
        Assert.Equal(["b1 banana", "b2 Apple pie"], Titles((await c.GetAsync($"/v1/entries?feed_id={Id(otherFeed)}")).Json));
        Assert.Equal(4, Total(await c.GetAsync($"/v1/entries?category_id={Id(folder)}")));
        Assert.Equal(["a2 apple", "a3 apple", "a4 apple"], Titles((await c.GetAsync($"/v1/feeds/{Id(blog)}/entries?status=unread")).Json));
        Assert.Equal(["b2 Apple pie"], Titles((await c.GetAsync("/v1/categories/0/entries?status=unread")).Json));

        // Publication dates (Unix seconds, exclusive).
        Assert.Equal(["b2 Apple pie", "a3 apple"], Titles((await c.GetAsync($"/v1/entries?after={Unix(Base.AddDays(4))}&before={Unix(Base.AddDays(7))}")).Json));
        Assert.Equal(["a3 apple", "a4 apple"], Titles((await c.GetAsync($"/v1/entries?published_after={Unix(Base.AddDays(5))}")).Json));
        Assert.Equal(["a1 apple"], Titles((await c.GetAsync($"/v1/entries?published_before={Unix(Base.AddDays(3))}")).Json));

        // Search looks in titles and content, ignoring case.
        Assert.Equal(["a1 apple", "a2 apple", "b2 Apple pie", "a3 apple", "a4 apple"], Titles((await c.GetAsync("/v1/entries?search=APPLE")).Json));
        Assert.Equal(["b2 Apple pie"], Titles((await c.GetAsync("/v1/entries?search=cherry")).Json));
        Assert.Equal(0, Total(await c.GetAsync("/v1/entries?search=50%25")));
        // The reader's query language, scoped by the API's own filters.
        Assert.Equal(["a1 apple", "a2 apple", "a3 apple", "a4 apple"], Titles((await c.GetAsync("/v1/entries?search=apple%20-pie")).Json));
        Assert.Equal(["b2 Apple pie"], Titles((await c.GetAsync($"/v1/entries?feed_id={Id(otherFeed)}&search=title%3Aapple")).Json));
        Assert.Equal(["a3 apple"], Titles((await c.GetAsync("/v1/entries?search=is%3Astarred%20apple")).Json));
        var invalid = (await c.GetAsync("/v1/entries?search=%22unclosed")).Is(HttpStatusCode.BadRequest).Json;
        Assert.Equal("Invalid search: The quote at position 1 is never closed.", invalid.GetProperty("error_message").GetString());
        Assert.Contains("regular expressions", (await c.GetAsync("/v1/entries?search=%2Fapp.e%2F")).Is(HttpStatusCode.BadRequest).Json.GetProperty("error_message").GetString(), StringComparison.Ordinal);

        // Pages: limit and offset, with the total of the whole selection; cursors by id.
        var page = (await c.GetAsync("/v1/entries?limit=2&offset=2&order=published_at&direction=asc")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(6, page.GetProperty("total").GetInt64());
        Assert.Equal(["a2 apple", "b2 Apple pie"], Titles(page));
        var byId = ids.Values.Order().ToList();
        var after = (await c.GetAsync($"/v1/entries?order=id&after_entry_id={Id(byId[3])}")).Json;
        Assert.Equal(byId.Skip(4), after.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        var before = (await c.GetAsync($"/v1/entries?order=id&direction=desc&before_entry_id={Id(byId[2])}&limit=1")).Json;
        Assert.Equal([byId[1]], before.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(6, Total(await c.GetAsync("/v1/entries?limit=0")));
        Assert.Equal(["a1 apple", "b1 banana"], Titles((await c.GetAsync("/v1/entries?order=status&direction=desc&limit=2")).Json).Order(StringComparer.Ordinal));
        Assert.Equal("a1 apple", Titles((await c.GetAsync("/v1/entries?order=title&limit=1")).Json)[0]);
        // Category 0 (outside folders) comes first on both engines.
        Assert.Equal("b1 banana", Titles((await c.GetAsync("/v1/entries?order=category_id&limit=1&status=read")).Json)[0]);
        Assert.Equal("b1 banana", Titles((await c.GetAsync("/v1/entries?order=category_title&limit=1&status=read")).Json)[0]);

        foreach (var bad in new[] { "status=gone", "order=colour", "direction=up", "limit=-1", "offset=x", "after=yesterday" })
        {
            var answer = (await c.GetAsync("/v1/entries?" + bad)).Is(HttpStatusCode.BadRequest);
            Assert.False(string.IsNullOrEmpty(answer.ErrorMessage), bad);
        }
    }

    [Fact]
    public async Task One_entry_has_miniflux_fields_and_its_status_and_star_change()
    {
        await using var api = await StartAsync(items: 1);
        var c = api.Client;
        var feedId = await SubscribeAsync(c, api.Site.FeedUrl);
        var id = (await c.GetAsync("/v1/entries")).Ids("entries").Single();
        var entry = (await c.GetAsync($"/v1/entries/{Id(id)}")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(id, entry.GetProperty("id").GetInt64());
        Assert.Equal(api.User.Id, entry.GetProperty("user_id").GetInt64());
        Assert.Equal(feedId, entry.GetProperty("feed_id").GetInt64());
        Assert.Equal("unread", entry.GetProperty("status").GetString());
        Assert.Equal("Post 1", entry.GetProperty("title").GetString());
        Assert.Equal(api.Site.HomeUrl + "post-1", entry.GetProperty("url").GetString());
        Assert.Equal("<p>Body of post 1.</p>", entry.GetProperty("content").GetString());
        Assert.Equal("Ann Author", entry.GetProperty("author").GetString());
        Assert.Equal(["News"], entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(entry.GetProperty("starred").GetBoolean());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", entry.GetProperty("published_at").GetString());
        Assert.Equal(JsonValueKind.Array, entry.GetProperty("enclosures").ValueKind);
        Assert.Equal(feedId, entry.GetProperty("feed").GetProperty("id").GetInt64());
        Assert.Equal(0, entry.GetProperty("feed").GetProperty("category").GetProperty("id").GetInt64());

        (await c.PutAsync("/v1/entries", new { entry_ids = new[] { id }, status = "read" })).Is(HttpStatusCode.NoContent);
        Assert.Equal("read", (await c.GetAsync($"/v1/entries/{Id(id)}")).Json.GetProperty("status").GetString());
        // The body is JSON whatever the content type says: newsboat sends it as a form.
        var asForm = new StringContent("{\"entry_ids\":[" + Id(id) + "],\"status\":\"unread\"}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        (await c.SendAsync(HttpMethod.Put, "/v1/entries", content: asForm)).Is(HttpStatusCode.NoContent);
        Assert.Equal("unread", (await c.GetAsync($"/v1/entries/{Id(id)}")).Json.GetProperty("status").GetString());
        Assert.Equal("The list of entries cannot be empty.", (await c.PutAsync("/v1/entries", new { entry_ids = Array.Empty<long>(), status = "read" })).Is(HttpStatusCode.BadRequest).ErrorMessage);
        (await c.PutAsync("/v1/entries", new { entry_ids = new[] { id }, status = "removed" })).Is(HttpStatusCode.BadRequest);
        (await c.PutAsync("/v1/entries", new { entry_ids = "x", status = "read" })).Is(HttpStatusCode.BadRequest);
        (await c.PutAsync("/v1/entries")).Is(HttpStatusCode.BadRequest);

        (await c.PutAsync($"/v1/entries/{Id(id)}/bookmark")).Is(HttpStatusCode.NoContent);
        Assert.True((await c.GetAsync($"/v1/entries/{Id(id)}")).Json.GetProperty("starred").GetBoolean());
        (await c.PutAsync($"/v1/entries/{Id(id)}/bookmark")).Is(HttpStatusCode.NoContent);
        Assert.False((await c.GetAsync($"/v1/entries/{Id(id)}")).Json.GetProperty("starred").GetBoolean());
        (await c.PutAsync("/v1/entries/999999/bookmark")).Is(HttpStatusCode.NotFound);
        (await c.GetAsync("/v1/entries/999999")).Is(HttpStatusCode.NotFound);
        (await c.GetAsync($"/v1/feeds/999999/entries/{Id(id)}")).Is(HttpStatusCode.NotFound);
    }
}
