using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using Inertia.Web.Api;
using static Inertia.Tests.Api.ApiHarness;

namespace Inertia.Tests.Api;

/// <summary>The Google Reader API over real HTTP: sign-in, tokens, every endpoint, every id form, and another user's ids.</summary>
public sealed class GoogleReaderTests
{
    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Theory]
    [InlineData("api/greader")]
    [InlineData("api/greader.php")]
    public async Task The_base_path_answers_plainly_and_preflights_get_CORS(string basePath)
    {
        await using var h = await StartAsync();
        using var answer = await h.Http.GetAsync(basePath);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Google Reader API", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, basePath + "/reader/api/0/tag/list");
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var cors = await h.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, cors.StatusCode);
        Assert.Equal("*", cors.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", cors.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);

        // Mistakes answer plainly too: no HTML error page, no redirect to the sign-in page.
        using var unknown = await h.Http.GetAsync(basePath + "/reader/api/0/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No such API endpoint.", await unknown.Content.ReadAsStringAsync());
        using var wrongMethod = await h.Http.GetAsync(basePath + "/reader/api/0/edit-tag");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("text/plain", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClientLogin_takes_the_API_password_by_POST_or_GET_and_nothing_else()
    {
        await using var h = await StartAsync();
        var auth = await h.ClientLoginAsync("ANN", AnnApiPassword);
        Assert.StartsWith("ann/", auth, StringComparison.Ordinal);

        using var get = await h.Http.GetAsync($"api/greader.php/accounts/ClientLogin?Email=ann&Passwd={AnnApiPassword}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("Auth=" + auth, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (name, password) in new[] { ("ann", "password1"), ("ann", BobApiPassword), ("nobody", AnnApiPassword), ("ann", "") })
        {
            using var refused = await h.Http.PostAsync("api/greader/accounts/ClientLogin", Form(("Email", name), ("Passwd", password)));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("Error=BadAuthentication", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ClientLogin_limits_failures_per_account_but_never_counts_successes()
    {
        await using var h = await StartAsync();
        for (var i = 0; i < 8; i++)
        {
            await h.ClientLoginAsync("bob", BobApiPassword);
        }
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await h.Http.PostAsync("api/greader/accounts/ClientLogin", Form(("Email", "ann"), ("Passwd", "guess" + i)));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var limited = await h.Http.PostAsync("api/greader/accounts/ClientLogin", Form(("Email", "ann"), ("Passwd", AnnApiPassword)));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_get_a_plain_401_whatever_cookies_they_carry()
    {
        await using var h = await StartAsync();
        var (browser, _) = (h.App.NewClient(), 0);
        await browser.SignInAsync("ann", "password1");
        var session = browser.Cookies.GetCookieHeader(h.App.BaseUrl);
        Assert.Contains("inertia_session", session, StringComparison.Ordinal);
        foreach (var header in new[] { null, "GoogleLogin auth=ann/0000", "GoogleLogin auth=bob/" + (await h.ClientLoginAsync("ann", AnnApiPassword)).Split('/')[1], "Bearer x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/greader/reader/api/0/subscription/list");
            request.Headers.Add("Cookie", session);
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }
            using var answer = await h.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Unauthorized", await answer.Content.ReadAsStringAsync());
        }
        browser.Dispose();
    }

    [Fact]
    public async Task Changing_the_API_password_ends_the_tokens_made_from_the_old_one()
    {
        await using var h = await StartAsync();
        var client = await h.GReaderAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("reader/api/0/user-info")).Status);
        await h.App.Get<ApiCredentialStore>().SetAsync(h.Ann.Id, ApiPassword.For("ann", "a-new-api-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("reader/api/0/user-info")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.Http.PostAsync("api/greader/accounts/ClientLogin", Form(("Email", "ann"), ("Passwd", AnnApiPassword)))).StatusCode);
        var fresh = await h.ClientLoginAsync("ann", "a-new-api-secret");

        // A disabled account's tokens stop working as well.
        await h.App.Get<UserStore>().SetDisabledAsync(h.Ann.Id, true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("reader/api/0/user-info", "GoogleLogin auth=" + fresh)).Status);
    }

    [Fact]
    public async Task User_info_subscriptions_tags_and_unread_counts_are_the_users_own()
    {
        await using var h = await StartAsync();
        var client = await h.GReaderAsync("ann", "api/greader.php");
        var info = (await client.GetAsync("reader/api/0/user-info")).Json;
        Assert.Equal("ann", info.GetProperty("userName").GetString());
        Assert.Equal(Id(h.Ann.Id), info.GetProperty("userId").GetString());

        var subscriptions = (await client.GetAsync("reader/api/0/subscription/list?output=json")).Json.GetProperty("subscriptions");
        var only = Assert.Single(subscriptions.EnumerateArray());
        Assert.Equal("feed/" + Id(h.AnnFeed), only.GetProperty("id").GetString());
        Assert.Equal("Ann's Blog", only.GetProperty("title").GetString());
        Assert.Equal(h.AnnSite.FeedUrl.AbsoluteUri, only.GetProperty("url").GetString());
        Assert.Equal("user/-/label/Blogs", only.GetProperty("categories")[0].GetProperty("id").GetString());
        Assert.Equal("Blogs", only.GetProperty("categories")[0].GetProperty("label").GetString());

        var tags = (await client.GetAsync("reader/api/0/tag/list")).Json.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(["user/-/state/com.google/starred", "user/-/label/Blogs"], tags);

        var counts = (await client.GetAsync("reader/api/0/unread-count?output=json")).Json.GetProperty("unreadcounts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => (c.GetProperty("count").GetInt32(), long.Parse(c.GetProperty("newestItemTimestampUsec").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, counts.Count);
        Assert.Equal(3, counts["feed/" + Id(h.AnnFeed)].Item1);
        Assert.Equal(3, counts["user/-/label/Blogs"].Item1);
        Assert.Equal(3, counts["user/-/state/com.google/reading-list"].Item1);
        Assert.Equal(h.AnnSite.Items[0].Published.ToUnixTimeSeconds(), counts["user/-/state/com.google/reading-list"].Item2 / 1_000_000);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Streams_page_filter_and_order_their_items(string engine)
    {
        await using var h = await StartAsync(engine, items: 5);
        var client = await h.GReaderAsync();
        var ids = await h.EntryIdsAsync(h.Ann);
        var site = h.AnnSite.Items;

        var first = (await client.GetAsync("reader/api/0/stream/contents/user/-/state/com.google/reading-list?n=2")).Json;
        Assert.Equal("user/-/state/com.google/reading-list", first.GetProperty("id").GetString());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var item = items[0];
        Assert.Equal(ItemId.Long(ids[0]), item.GetProperty("id").GetString());
        Assert.Equal(site[0].Title, item.GetProperty("title").GetString());
        Assert.Equal(site[0].Published.ToUnixTimeSeconds(), item.GetProperty("published").GetInt64());
        Assert.Equal(site[0].Published.ToUnixTimeSeconds() * 1_000_000, long.Parse(item.GetProperty("timestampUsec").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(long.Parse(item.GetProperty("crawlTimeMsec").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(h.AnnSite.HomeUrl + site[0].Guid, item.GetProperty("canonical")[0].GetProperty("href").GetString());
        Assert.Equal(h.AnnSite.HomeUrl + site[0].Guid, item.GetProperty("alternate")[0].GetProperty("href").GetString());
        Assert.Equal("feed/" + Id(h.AnnFeed), item.GetProperty("origin").GetProperty("streamId").GetString());
        Assert.Equal("Ann's Blog", item.GetProperty("origin").GetProperty("title").GetString());
        Assert.Equal(h.AnnSite.HomeUrl.AbsoluteUri, item.GetProperty("origin").GetProperty("htmlUrl").GetString());
        Assert.Equal(["user/-/state/com.google/reading-list", "user/-/label/Blogs"], Strings(item.GetProperty("categories")));
        Assert.Contains("Body of post 5.", item.GetProperty("summary").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("Ann Author", item.GetProperty("author").GetString());

        var c = first.GetProperty("continuation").GetString()!;
        var rest = (await client.GetAsync($"reader/api/0/stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=10&c={Uri.EscapeDataString(c)}")).Json;
        Assert.Equal(ids.Skip(2).Select(ItemId.Long), rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.False(rest.TryGetProperty("continuation", out var none) && none.ValueKind == JsonValueKind.String);

        // Oldest first; by feed; by label; a time window in seconds.
        var oldest = (await client.GetAsync($"reader/api/0/stream/contents/feed/{Id(h.AnnFeed)}?r=o&n=10")).Json.GetProperty("items");
        Assert.Equal(ids.AsEnumerable().Reverse().Select(ItemId.Long), oldest.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(5, (await client.GetAsync("reader/api/0/stream/contents/user/-/label/Blogs?n=10")).Json.GetProperty("items").GetArrayLength());
        var ot = site[2].Published.ToUnixTimeSeconds();
        var nt = site[1].Published.ToUnixTimeSeconds();
        var window = (await client.GetAsync($"reader/api/0/stream/contents?s=user/-/state/com.google/reading-list&ot={ot}&nt={nt}")).Json.GetProperty("items");
        Assert.Equal([ItemId.Long(ids[1]), ItemId.Long(ids[2])], window.EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        // Read and starred: xt, it, and the starred stream.
        await h.App.Get<EntryStore>().SetReadAsync(h.Ann.Id, [ids[0], ids[1]], true, DateTimeOffset.UtcNow);
        await h.App.Get<EntryStore>().SetStarredAsync(h.Ann.Id, ids[3], true, DateTimeOffset.UtcNow);
        async Task<List<long>> Ids(string query) => (await client.GetAsync("reader/api/0/stream/items/ids?" + query)).Json.GetProperty("itemRefs").EnumerateArray()
            .Select(r => long.Parse(r.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids, await Ids("s=user/-/state/com.google/reading-list&n=10000"));
        Assert.Equal(ids.AsEnumerable().Reverse(), await Ids("s=user/-/state/com.google/reading-list&r=o&n=10000"));
        var firstTwo = (await client.GetAsync("reader/api/0/stream/items/ids?s=user/-/state/com.google/reading-list&n=2")).Json;
        var afterTwo = firstTwo.GetProperty("continuation").GetString()!;
        Assert.Equal(ids.Skip(2).Take(2), await Ids($"s=user/-/state/com.google/reading-list&n=2&c={Uri.EscapeDataString(afterTwo)}"));
        Assert.Equal(ids.Skip(2), await Ids("s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=10000"));
        Assert.Equal([ids[3]], await Ids("s=user/-/state/com.google/starred&n=10000"));
        Assert.Equal([ids[3]], await Ids("s=user/-/state/com.google/reading-list&it=user/-/state/com.google/starred&n=10000"));
        Assert.Equal(ids.Take(2), await Ids("s=user/-/state/com.google/read&n=100000"));
        Assert.Equal(ids.Take(2), await Ids("s=user/-/state/com.google/reading-list&it=user/-/state/com.google/read&n=100000"));
        var read = (await client.GetAsync("reader/api/0/stream/contents/user/-/state/com.google/starred")).Json.GetProperty("items")[0];
        Assert.Contains("user/-/state/com.google/starred", Strings(read.GetProperty("categories")));

        // Another user's feed is a stream with nothing in it.
        Assert.Equal(0, (await client.GetAsync($"reader/api/0/stream/contents/feed/{Id(h.BobFeed)}")).Json.GetProperty("items").GetArrayLength());
        Assert.Empty(await Ids($"s=feed/{Id(h.BobFeed)}&n=1000"));

        // Bad input is a 400 that says what was wrong.
        foreach (var bad in new[] { "stream/items/ids?s=user/-/state/com.google/reading-list&n=lots", "stream/items/ids?s=feed/abc", "stream/contents/feed/1?c=garbage", "stream/items/ids?ot=yesterday" })
        {
            var answer = await client.GetAsync("reader/api/0/" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.False(string.IsNullOrWhiteSpace(answer.Body));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Items_contents_takes_many_ids_in_every_form_and_never_returns_another_users_items(string engine)
    {
        await using var h = await StartAsync(engine, items: 4);
        var client = await h.GReaderAsync();
        var ids = await h.EntryIdsAsync(h.Ann);
        var bobsId = (await h.EntryIdsAsync(h.Bob))[0];
        var answer = await client.PostAsync("reader/api/0/stream/items/contents", false,
            ("i", ItemId.Long(ids[3])), ("i", ItemId.LongPrefix + ids[2].ToString("x", System.Globalization.CultureInfo.InvariantCulture)),
            ("i", ids[1].ToString("x16", System.Globalization.CultureInfo.InvariantCulture)), ("i", Id(ids[0])), ("i", Id(bobsId)), ("i", ItemId.Long(bobsId)));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(new[] { ids[3], ids[2], ids[1], ids[0] }.Select(ItemId.Long), answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.DoesNotContain("Bob", answer.Body, StringComparison.Ordinal);

        var bad = await client.PostAsync("reader/api/0/stream/items/contents", false, ("i", "not-an-id"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Edit_tag_needs_the_write_token_and_changes_only_the_users_own_entries(string engine)
    {
        await using var h = await StartAsync(engine);
        var client = await h.GReaderAsync();
        var ids = await h.EntryIdsAsync(h.Ann);
        var bobsId = (await h.EntryIdsAsync(h.Bob))[0];

        var refused = await client.PostAsync("reader/api/0/edit-tag", false, ("i", Id(ids[0])), ("a", StreamId.ReadId));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("true", refused.Headers.GetValues("X-Reader-Google-Bad-Token").Single());
        var wrong = await client.PostAsync("reader/api/0/edit-tag", false, ("i", Id(ids[0])), ("a", StreamId.ReadId), ("T", "0123456789"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        var bobs = await h.GReaderAsync("bob");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("reader/api/0/edit-tag", false, ("i", Id(ids[0])), ("a", StreamId.ReadId), ("T", bobs.WriteToken!))).Status);
        Assert.False((await h.EntryAsync(h.Ann, ids[0])).IsRead);

        // T in the form: read, in every id form, and starred.
        var ok = await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[0])), ("i", Id(ids[1])), ("i", Id(bobsId)), ("a", StreamId.ReadId), ("a", "user/-/state/com.google/starred"));
        Assert.Equal("OK", ok.Body);
        Assert.True((await h.EntryAsync(h.Ann, ids[0])).IsRead);
        Assert.True((await h.EntryAsync(h.Ann, ids[1])).IsStarred);
        Assert.False((await h.EntryAsync(h.Bob, bobsId)).IsRead);
        Assert.False((await h.EntryAsync(h.Bob, bobsId)).IsStarred);

        // T in the query string, as some clients send it; then in a header; newsboat's "kept-unread" form.
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/greader/reader/api/0/edit-tag?T={client.WriteToken}")
        {
            Content = Form(("i", ids[0].ToString("x16", System.Globalization.CultureInfo.InvariantCulture)), ("r", StreamId.ReadId)),
        })
        {
            request.Headers.TryAddWithoutValidation("Authorization", "GoogleLogin auth=" + client.Auth);
            Assert.Equal(HttpStatusCode.OK, (await h.Http.SendAsync(request)).StatusCode);
        }
        Assert.False((await h.EntryAsync(h.Ann, ids[0])).IsRead);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/greader/reader/api/0/edit-tag") { Content = Form(("i", Id(ids[1])), ("r", StreamId.StarredId)) })
        {
            request.Headers.TryAddWithoutValidation("Authorization", "GoogleLogin auth=" + client.Auth);
            request.Headers.TryAddWithoutValidation("T", client.WriteToken);
            Assert.Equal(HttpStatusCode.OK, (await h.Http.SendAsync(request)).StatusCode);
        }
        Assert.False((await h.EntryAsync(h.Ann, ids[1])).IsStarred);
        await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[2])), ("a", StreamId.ReadId));
        await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[2])), ("r", StreamId.ReadId), ("a", "user/-/state/com.google/kept-unread"));
        Assert.False((await h.EntryAsync(h.Ann, ids[2])).IsRead);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("reader/api/0/edit-tag", true, ("i", "zz"), ("a", StreamId.ReadId))).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Labels_on_items_round_trip_through_edit_tag_streams_and_tag_list(string engine)
    {
        await using var h = await StartAsync(engine, items: 4);
        var client = await h.GReaderAsync();
        var ids = await h.EntryIdsAsync(h.Ann);
        var bobsId = (await h.EntryIdsAsync(h.Bob))[0];

        var added = await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[1])), ("i", ItemId.Long(ids[2])), ("i", ItemId.Long(bobsId)), ("a", "user/-/label/Must Read"));
        Assert.Equal("OK", added.Body);
        Assert.Equal(["Must Read"], (await h.App.Get<LabelStore>().ListAsync(h.Ann.Id)).Select(l => l.Name));
        Assert.Empty(await h.App.Get<LabelStore>().ListAsync(h.Bob.Id));

        // The label is a stream of its items, a category of each, and a tag beside the folders.
        var stream = (await client.GetAsync("reader/api/0/stream/contents/user/-/label/Must%20Read?n=10")).Json.GetProperty("items");
        Assert.Equal([ItemId.Long(ids[1]), ItemId.Long(ids[2])], stream.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Contains("user/-/label/Must Read", Strings(stream[0].GetProperty("categories")));
        var tags = (await client.GetAsync("reader/api/0/tag/list")).Json.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("id").GetString(), t.TryGetProperty("type", out var type) ? type.GetString() : null)).ToList();
        Assert.Equal([("user/-/state/com.google/starred", null), ("user/-/label/Blogs", "folder"), ("user/-/label/Must Read", "tag")], tags);

        // A label named like a folder adds its items to the folder's stream, as FreshRSS does.
        await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[0])), ("a", "user/-/label/Blogs"));
        Assert.Equal(4, (await client.GetAsync("reader/api/0/stream/contents/user/-/label/Blogs?n=10")).Json.GetProperty("items").GetArrayLength());

        // Marking a label read marks its items; removing it takes it off.
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/mark-all-as-read", true, ("s", "user/-/label/Must Read"))).Body);
        Assert.True((await h.EntryAsync(h.Ann, ids[1])).IsRead);
        Assert.False((await h.EntryAsync(h.Ann, ids[3])).IsRead);
        await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[1])), ("r", "user/-/label/must read"));
        var left = (await client.GetAsync("reader/api/0/stream/contents/user/-/label/Must%20Read?n=10")).Json.GetProperty("items");
        Assert.Equal([ItemId.Long(ids[2])], left.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("reader/api/0/edit-tag", true, ("i", ItemId.Long(ids[1])), ("a", "user/-/label/a\"b"))).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Mark_all_as_read_spares_what_arrived_after_ts_and_other_users(string engine)
    {
        await using var h = await StartAsync(engine);
        var client = await h.GReaderAsync();
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        await Task.Delay(20);
        h.AnnSite.Publish("Arrived after ts");
        await h.RefreshAsync(h.AnnFeed);
        Assert.Equal(4, (await h.App.Get<EntryStore>().PageAsync(h.Ann.Id, new EntryQuery { View = EntryView.Unread })).Items.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("reader/api/0/mark-all-as-read", false, ("s", "feed/" + Id(h.AnnFeed)))).Status);
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/mark-all-as-read", true, ("s", "feed/" + Id(h.AnnFeed)), ("ts", ts.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Body);
        var unread = (await h.App.Get<EntryStore>().PageAsync(h.Ann.Id, new EntryQuery { View = EntryView.Unread })).Items;
        Assert.Equal("Arrived after ts", Assert.Single(unread).Title);

        // Bob's feed id in ann's request marks nothing of bob's.
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/mark-all-as-read", true, ("s", "feed/" + Id(h.BobFeed)))).Body);
        Assert.Equal(2, (await h.App.Get<EntryStore>().PageAsync(h.Bob.Id, new EntryQuery { View = EntryView.Unread })).Items.Count);

        Assert.Equal("OK", (await client.PostAsync("reader/api/0/mark-all-as-read", true, ("s", "user/-/label/Blogs"))).Body);
        Assert.Empty((await h.App.Get<EntryStore>().PageAsync(h.Ann.Id, new EntryQuery { View = EntryView.Unread })).Items);
    }

    [Fact]
    public async Task Subscriptions_are_added_edited_and_removed_and_labels_renamed_and_deleted()
    {
        await using var h = await StartAsync();
        await using var third = await Web.FeedSite.StartAsync("Third Blog", 2);
        await using var fourth = await Web.FeedSite.StartAsync("Fourth Blog", 1);
        var client = await h.GReaderAsync();
        var subscriptions = h.App.Get<SubscriptionStore>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("reader/api/0/subscription/edit", false, ("ac", "subscribe"), ("s", "feed/" + third.FeedUrl))).Status);
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "subscribe"), ("s", "feed/" + third.FeedUrl), ("a", "user/-/label/Later"), ("t", "My Third"))).Body);
        var added = (await subscriptions.ListAsync(h.Ann.Id)).Single(s => s.FeedUrl == third.FeedUrl.AbsoluteUri);
        Assert.Equal(("My Third", "Later"), (added.Title, added.FolderTitle));

        var quick = (await client.PostAsync("reader/api/0/subscription/quickadd", true, ("quickadd", fourth.HomeUrl.AbsoluteUri))).Json;
        Assert.Equal(1, quick.GetProperty("numResults").GetInt32());
        Assert.Equal("Fourth Blog", quick.GetProperty("streamName").GetString());
        var fourthId = quick.GetProperty("streamId").GetString()!;

        Assert.Equal("OK", (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "edit"), ("s", fourthId), ("t", "Renamed"), ("a", "user/-/label/Blogs"))).Body);
        var edited = (await subscriptions.ListAsync(h.Ann.Id)).Single(s => "feed/" + Id(s.FeedId) == fourthId);
        Assert.Equal(("Renamed", "Blogs"), (edited.Title, edited.FolderTitle));
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "edit"), ("s", fourthId), ("r", "user/-/label/Blogs"))).Body);
        Assert.Null((await subscriptions.ListAsync(h.Ann.Id)).Single(s => "feed/" + Id(s.FeedId) == fourthId).FolderTitle);

        // Bob's subscription cannot be edited or ended by ann.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "unsubscribe"), ("s", "feed/" + Id(h.BobFeed)))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "edit"), ("s", "feed/" + Id(h.BobFeed)), ("t", "Mine"))).Status);
        Assert.Equal("Bob's Blog", Assert.Single(await subscriptions.ListAsync(h.Bob.Id)).Title);

        Assert.Equal("OK", (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "unsubscribe"), ("s", fourthId))).Body);
        Assert.DoesNotContain(await subscriptions.ListAsync(h.Ann.Id), s => "feed/" + Id(s.FeedId) == fourthId);

        Assert.Equal("OK", (await client.PostAsync("reader/api/0/rename-tag", true, ("s", "user/-/label/Later"), ("dest", "user/-/label/Someday"))).Body);
        Assert.Equal("Someday", (await subscriptions.ListAsync(h.Ann.Id)).Single(s => s.FeedUrl == third.FeedUrl.AbsoluteUri).FolderTitle);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("reader/api/0/rename-tag", true, ("s", "user/-/label/Nope"), ("dest", "user/-/label/X"))).Status);
        Assert.Equal("OK", (await client.PostAsync("reader/api/0/disable-tag", true, ("s", "user/-/label/Someday"))).Body);
        Assert.Null((await subscriptions.ListAsync(h.Ann.Id)).Single(s => s.FeedUrl == third.FeedUrl.AbsoluteUri).FolderTitle);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("reader/api/0/subscription/edit", true, ("ac", "dance"), ("s", fourthId))).Status);
    }

    [Fact]
    public async Task Subscriptions_export_and_import_as_OPML()
    {
        await using var h = await StartAsync();
        var client = await h.GReaderAsync();
        var export = await client.GetAsync("reader/api/0/subscription/export");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Contains(h.AnnSite.FeedUrl.AbsoluteUri, export.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(h.BobSite.FeedUrl.AbsoluteUri, export.Body, StringComparison.Ordinal);

        // Bob's feed comes with its stored entries, which meet Ann's rules.
        await h.App.Get<Inertia.Storage.Rules.RuleStore>().CreateAsync(h.Ann.Id, new Inertia.Storage.Rules.RuleDraft("star posts", "post") { Actions = Inertia.Storage.Rules.RuleActions.Star }, DateTimeOffset.UtcNow);
        var opml = $"""<?xml version="1.0"?><opml version="2.0"><body><outline text="Imported"><outline type="rss" text="Bob's" xmlUrl="{h.BobSite.FeedUrl}"/></outline></body></opml>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/greader/reader/api/0/subscription/import?T={client.WriteToken}") { Content = new StringContent(opml) };
        request.Headers.TryAddWithoutValidation("Authorization", "GoogleLogin auth=" + client.Auth);
        using var imported = await h.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var list = await h.App.Get<SubscriptionStore>().ListAsync(h.Ann.Id);
        Assert.Equal("Imported", list.Single(s => s.FeedId == h.BobFeed).FolderTitle);
        var starred = await h.App.Database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM entry_states WHERE user_id = @user AND feed_id = @feed AND is_starred", new { user = h.Ann.Id, feed = h.BobFeed }));
        Assert.True(starred > 0);
        Assert.Equal(await h.App.Database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM entries WHERE feed_id = @feed", new { feed = h.BobFeed })), starred);
    }

    [Fact]
    public async Task Atom_streams_carry_read_state_as_newsboat_reads_it()
    {
        await using var h = await StartAsync(items: 3);
        var client = await h.GReaderAsync();
        var ids = await h.EntryIdsAsync(h.Ann);
        await h.App.Get<EntryStore>().SetReadAsync(h.Ann.Id, [ids[1]], true, DateTimeOffset.UtcNow);
        var atom = await client.GetAsync($"reader/atom/feed%2F{Id(h.AnnFeed)}?n=2");
        Assert.Equal(HttpStatusCode.OK, atom.Status);
        Assert.Equal("application/atom+xml", atom.ContentType);
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(atom.Body).Root!;
        Assert.Equal("Ann's Blog", feed.Element(a + "title")!.Value);
        var entries = feed.Elements(a + "entry").ToList();
        Assert.Equal([ItemId.Long(ids[0]), ItemId.Long(ids[1])], entries.Select(e => e.Element(a + "id")!.Value));
        Assert.Equal("fresh", entries[0].Elements(a + "category").Single(c => c.Attribute("term")!.Value.EndsWith("fresh", StringComparison.Ordinal)).Attribute("label")!.Value);
        Assert.Equal("read", entries[1].Elements(a + "category").Single(c => c.Attribute("term")!.Value == StreamId.ReadId).Attribute("label")!.Value);
        Assert.Equal(h.AnnSite.HomeUrl + h.AnnSite.Items[0].Guid, entries[0].Element(a + "link")!.Attribute("href")!.Value);
        Assert.NotNull(feed.Element(XName.Get("continuation", "http://www.google.com/schemas/reader/atom/")));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"reader/atom/feed%2F{Id(h.BobFeed)}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"reader/atom/feed%2F{Id(h.AnnFeed)}", authHeader: "GoogleLogin auth=nope")).Status);
        var reading = await client.GetAsync("reader/atom/user/-/state/com.google/reading-list");
        Assert.Equal(3, XDocument.Parse(reading.Body).Root!.Elements(a + "entry").Count());
    }
}
