using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Api.ApiHarness;

namespace Inertia.Tests.Api;

/// <summary>The Fever API over real HTTP: the key, every answer, paging, marks, and another user's ids.</summary>
public sealed class FeverTests
{
    private static string Key(string name, string password) =>
#pragma warning disable CA5351 // Fever's protocol is md5.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(name + ":" + password)));
#pragma warning restore CA5351

    private static async Task<JsonElement> PostAsync(ApiHarness h, string query, string? key, string path = "api/fever.php", params (string Name, string Value)[] fields)
    {
        var form = key is null ? fields : [("api_key", key), .. fields];
        using var answer = await h.Http.PostAsync($"{path}?api{query}", Form(form));
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<long> Ids(JsonElement answer, string name) =>
        answer.GetProperty(name).GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    [Fact]
    public async Task The_key_is_md5_of_name_and_API_password_from_the_body_or_the_query_string()
    {
        await using var h = await StartAsync();
        var ok = await PostAsync(h, "", Key("ann", AnnApiPassword), "api/fever");
        Assert.Equal(3, ok.GetProperty("api_version").GetInt32());
        Assert.Equal(1, ok.GetProperty("auth").GetInt32());
        Assert.True(ok.GetProperty("last_refreshed_on_time").GetInt64() > 0);
        Assert.Equal(1, (await PostAsync(h, "", Key("ann", AnnApiPassword).ToUpperInvariant())).GetProperty("auth").GetInt32());

        using var byQuery = await h.Http.GetAsync($"api/fever.php?api&api_key={Key("ann", AnnApiPassword)}");
        Assert.Equal(1, JsonDocument.Parse(await byQuery.Content.ReadAsStringAsync()).RootElement.GetProperty("auth").GetInt32());

        foreach (var wrong in new[] { Key("ann", "password1"), Key("ann", BobApiPassword), "nonsense", "" })
        {
            var refused = await PostAsync(h, "&items&unread_item_ids", wrong);
            Assert.Equal(0, refused.GetProperty("auth").GetInt32());
            Assert.False(refused.TryGetProperty("items", out _));
        }
        // A signed-in browser's cookies are no key.
        var browser = h.App.NewClient();
        await browser.SignInAsync("ann", "password1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/fever?api&items") { Content = Form() };
        request.Headers.Add("Cookie", browser.Cookies.GetCookieHeader(h.App.BaseUrl));
        using var withCookie = await h.Http.SendAsync(request);
        Assert.Equal(0, JsonDocument.Parse(await withCookie.Content.ReadAsStringAsync()).RootElement.GetProperty("auth").GetInt32());
        browser.Dispose();
    }

    [Fact]
    public async Task Groups_feeds_and_favicons_are_the_users_own()
    {
        await using var h = await StartAsync();
        var icons = h.App.Get<IconStore>();
        await icons.SaveAsync(h.AnnFeed, "image/png", Web.FeedSite.Png, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        await icons.SaveAsync(h.BobFeed, "image/png", [1, 2, 3], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        var answer = await PostAsync(h, "&groups&feeds&favicons", Key("ann", AnnApiPassword));
        var group = Assert.Single(answer.GetProperty("groups").EnumerateArray());
        Assert.Equal("Blogs", group.GetProperty("title").GetString());
        var feed = Assert.Single(answer.GetProperty("feeds").EnumerateArray());
        Assert.Equal(h.AnnFeed, feed.GetProperty("id").GetInt64());
        Assert.Equal("Ann's Blog", feed.GetProperty("title").GetString());
        Assert.Equal(h.AnnSite.FeedUrl.AbsoluteUri, feed.GetProperty("url").GetString());
        Assert.Equal(h.AnnFeed, feed.GetProperty("favicon_id").GetInt64());
        var link = Assert.Single(answer.GetProperty("feeds_groups").EnumerateArray());
        Assert.Equal(group.GetProperty("id").GetInt64(), link.GetProperty("group_id").GetInt64());
        Assert.Equal(Id(h.AnnFeed), link.GetProperty("feed_ids").GetString());
        var favicon = Assert.Single(answer.GetProperty("favicons").EnumerateArray());
        Assert.Equal("image/png;base64," + Convert.ToBase64String(Web.FeedSite.Png), favicon.GetProperty("data").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Items_come_50_at_a_time_by_since_id_max_id_or_with_ids(string engine)
    {
        await using var h = await StartAsync(engine, items: 60);
        var key = Key("ann", AnnApiPassword);
        var ids = (await h.EntryIdsAsync(h.Ann)).Order().ToList();
        var bobsId = (await h.EntryIdsAsync(h.Bob))[0];

        var first = await PostAsync(h, "&items", key);
        Assert.Equal(60, first.GetProperty("total_items").GetInt32());
        var page = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ids.Take(50), page.Select(i => i.GetProperty("id").GetInt64()));
        var item = page[0];
        Assert.Equal(h.AnnFeed, item.GetProperty("feed_id").GetInt64());
        Assert.Equal(0, item.GetProperty("is_read").GetInt32());
        Assert.Equal(0, item.GetProperty("is_saved").GetInt32());
        Assert.Equal("Ann Author", item.GetProperty("author").GetString());
        Assert.Contains("Body of post", item.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.True(item.GetProperty("created_on_time").GetInt64() > 1_000_000_000);

        var next = await PostAsync(h, $"&items&since_id={ids[49]}", key);
        Assert.Equal(ids.Skip(50), next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var older = await PostAsync(h, $"&items&max_id={ids[10]}", key);
        Assert.Equal(ids.Take(10).Reverse(), older.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var chosen = await PostAsync(h, $"&items&with_ids={ids[3]},{bobsId},{ids[1]}", key);
        Assert.Equal([ids[3], ids[1]], chosen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        using var bad = await h.Http.PostAsync("api/fever?api&items&since_id=abc", Form(("api_key", key)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var tooMany = await h.Http.PostAsync("api/fever?api&items&with_ids=" + string.Join(',', ids.Take(51)), Form(("api_key", key)));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Marks_change_items_feeds_and_groups_by_publication_time_and_never_another_users(string engine)
    {
        await using var h = await StartAsync(engine, items: 4);
        var key = Key("ann", AnnApiPassword);
        var ids = await h.EntryIdsAsync(h.Ann); // newest first
        var bobsId = (await h.EntryIdsAsync(h.Bob))[0];

        var read = await PostAsync(h, "", key, fields: [("mark", "item"), ("as", "read"), ("id", Id(ids[0]))]);
        Assert.DoesNotContain(ids[0], Ids(read, "unread_item_ids"));
        var saved = await PostAsync(h, "", key, fields: [("mark", "item"), ("as", "saved"), ("id", Id(ids[1]))]);
        Assert.Equal([ids[1]], Ids(saved, "saved_item_ids"));
        Assert.Equal([ids[1]], Ids(await PostAsync(h, "&saved_item_ids", key), "saved_item_ids"));
        await PostAsync(h, "", key, fields: [("mark", "item"), ("as", "unsaved"), ("id", Id(ids[1]))]);
        Assert.False((await h.EntryAsync(h.Ann, ids[1])).IsStarred);
        await PostAsync(h, "", key, fields: [("mark", "item"), ("as", "unread"), ("id", Id(ids[0]))]);
        Assert.False((await h.EntryAsync(h.Ann, ids[0])).IsRead);

        // before is the entries' publication time: the two oldest (published 2 and 3 hours ago) are marked.
        var before = h.AnnSite.Items[1].Published.AddMinutes(-1).ToUnixTimeSeconds();
        await PostAsync(h, "", key, fields: [("mark", "feed"), ("as", "read"), ("id", Id(h.AnnFeed)), ("before", Id(before))]);
        Assert.Equal(ids.Take(2).Order(), Ids(await PostAsync(h, "&unread_item_ids", key), "unread_item_ids"));

        var folder = (await h.App.Get<FolderStore>().ListAsync(h.Ann.Id)).Single().Id;
        await PostAsync(h, "", key, fields: [("mark", "group"), ("as", "read"), ("id", Id(folder)), ("before", Id(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()))]);
        Assert.Empty(Ids(await PostAsync(h, "&unread_item_ids", key), "unread_item_ids"));

        // Bob's entry, feed and the whole of "group 0" in ann's name leave bob's entries alone.
        await PostAsync(h, "", key, fields: [("mark", "item"), ("as", "read"), ("id", Id(bobsId))]);
        await PostAsync(h, "", key, fields: [("mark", "feed"), ("as", "read"), ("id", Id(h.BobFeed)), ("before", Id(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()))]);
        await PostAsync(h, "", key, fields: [("mark", "group"), ("as", "read"), ("id", "0"), ("before", Id(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()))]);
        Assert.Equal(2, Ids(await PostAsync(h, "&unread_item_ids", Key("bob", BobApiPassword)), "unread_item_ids").Count);

        using var bad = await h.Http.PostAsync("api/fever?api", Form(("api_key", key), ("mark", "item"), ("as", "eaten"), ("id", Id(ids[0]))));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
