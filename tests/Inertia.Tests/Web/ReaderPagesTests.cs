using System.Globalization;
using System.Net;
using Inertia.Storage.Accounts;
using Inertia.Storage.Subscriptions;

namespace Inertia.Tests.Web;

/// <summary>Subscribing and reading, page by page and form by form, over real HTTP against feeds served on 127.0.0.1.</summary>
public sealed class ReaderPagesTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Subscribes through the form and returns the feed's id (from the redirect to its list).</summary>
    internal static async Task<long> SubscribeAsync(ReaderClient client, Uri address, string folder = "")
    {
        var page = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", address.AbsoluteUri), ("Folder", folder));
        Assert.True(page.Status == HttpStatusCode.Redirect, $"subscribing answered {page.Status}: {page.Text(".errors")}");
        return long.Parse(page.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> EntryIdsAsync(ReaderClient client, string path) =>
        (await client.GetAsync(path)).Document.QuerySelectorAll("#entries > .entry").Select(e => long.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Subscribing_from_a_home_page_lists_the_entries_and_reading_one_marks_it_read(string engine)
    {
        Skip.If(engine == "postgres" && Support.TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var site = await FeedSite.StartAsync(items: 3);
        await using var app = await ReaderApp.StartAsync(engine);
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.HomeUrl, folder: "Blogs");
            var list = await client.GetAsync($"/feeds/{Id(feedId)}");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains("Subscribed to Loopback Blog: 3 new entries.", list.Text(".flash"), StringComparison.Ordinal);
            Assert.Equal(["Post 3", "Post 2", "Post 1"], list.Texts("#entries .entry-title"));
            Assert.Equal("3", list.Text($"[data-count='feed:{Id(feedId)}']"));
            Assert.Equal("3", list.Text("[data-count='total']"));
            Assert.Equal("Blogs", list.Text(".folder summary a"));
            Assert.Equal("3", list.Text(".folder [data-count^='folder:']"));

            var firstLink = list.Document.QuerySelector("#entries .entry-link")!.GetAttribute("href")!;
            var article = await client.GetAsync(firstLink);
            Assert.Equal(HttpStatusCode.OK, article.Status);
            Assert.Equal("Post 3", article.Text(".article h1"));
            Assert.Equal("Body of post 3.", article.Text(".article .content"));
            Assert.Contains("Ann Author", article.Text(".byline"), StringComparison.Ordinal);
            Assert.Contains("via", article.Text(".byline"), StringComparison.Ordinal);
            Assert.Equal("Loopback Blog", article.Text(".byline .via .feed-title"));
            Assert.Equal(["News"], article.Texts(".tags li"));
            Assert.Equal(site.HomeUrl + "post-3", article.Document.QuerySelector("#read-original")!.GetAttribute("href"));
            Assert.Equal("2", article.Text("[data-count='total']"));
            Assert.Null(article.Document.QuerySelector(".article-nav a[rel=prev]"));

            // Next leads through the list the entry was opened from, in its order.
            var next = article.Document.QuerySelector(".article-nav a[rel=next]")!.GetAttribute("href")!;
            var second = await client.GetAsync(next);
            Assert.Equal("Post 2", second.Text(".article h1"));
            var back = await client.GetAsync(second.Document.QuerySelector(".article-nav a[rel=prev]")!.GetAttribute("href")!);
            Assert.Equal("Post 3", back.Text(".article h1"));

            // Elsewhere the folder is closed: its numbers are shown, its feeds are loaded when it is opened.
            var unread = await client.GetAsync("/unread");
            Assert.Equal(["Post 1"], unread.Texts("#entries .entry-title"));
            var folder = unread.Document.QuerySelector(".folder details")!;
            Assert.Null(folder.GetAttribute("open"));
            Assert.Empty(folder.QuerySelectorAll(".feed"));
            Assert.Equal("1", unread.Text(".folder [data-count^='folder:']"));
            var feeds = await client.GetAsync(folder.GetAttribute("data-load")!);
            Assert.Equal("Loopback Blog", feeds.Text($"[data-feed='{Id(feedId)}'] .name"));
            Assert.Equal("1", feeds.Text($"[data-count='feed:{Id(feedId)}']"));
            Assert.Equal(["Post 3", "Post 2", "Post 1"], (await client.GetAsync("/all")).Texts("#entries .entry-title"));
        }
    }

    [Fact]
    public async Task Stars_and_read_marks_change_by_form_and_by_script()
    {
        await using var site = await FeedSite.StartAsync(items: 2);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var ids = await EntryIdsAsync(client, "/unread");

            var starred = await client.PostAsync($"/entries/{Id(ids[0])}/star", "/unread", false, ("returnUrl", "/unread?x=1"));
            Assert.Equal((HttpStatusCode.Redirect, "/unread?x=1"), (starred.Status, starred.Location));
            Assert.Equal([ids[0]], await EntryIdsAsync(client, "/starred"));
            Assert.Equal("1", (await client.GetAsync("/unread")).Text("[data-count='starred']"));

            var json = await client.PostAsync($"/entries/{Id(ids[1])}/read", "/unread", json: true);
            Assert.Equal(HttpStatusCode.OK, json.Status);
            Assert.Equal("""{"changed":1}""", json.Html);
            Assert.Equal("""{"changed":0}""", (await client.PostAsync($"/entries/{Id(ids[1])}/read", "/unread", json: true)).Html);
            Assert.Equal([ids[0]], await EntryIdsAsync(client, "/unread"));
            await client.PostAsync($"/entries/{Id(ids[1])}/unread", "/unread", json: true);
            Assert.Equal(ids, await EntryIdsAsync(client, "/unread"));

            var bulk = await client.PostAsync("/entries/read", [new("id", Id(ids[0])), new("id", Id(ids[1]))], "/unread", json: true);
            Assert.Equal("""{"changed":2}""", bulk.Html);
            Assert.Empty(await EntryIdsAsync(client, "/unread"));
            Assert.Equal("", (await client.GetAsync("/unread")).Text($"[data-count='feed:{Id(feedId)}']"));

            await client.PostAsync($"/entries/{Id(ids[0])}/unstar", "/unread");
            Assert.Empty(await EntryIdsAsync(client, "/starred"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/entries/999999/star", "/unread")).Status);
        }
    }

    [Fact]
    public async Task Mark_all_read_spares_entries_that_arrived_after_the_list_was_shown()
    {
        await using var site = await FeedSite.StartAsync(items: 3);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var list = await client.GetAsync($"/feeds/{Id(feedId)}");
            var shownAt = list.Document.QuerySelector("#mark-all input[name=shownAt]")!.GetAttribute("value")!;
            Assert.Equal($"feed:{Id(feedId)}", list.Document.QuerySelector("#mark-all input[name=list]")!.GetAttribute("value"));

            await Task.Delay(20);
            site.Publish("Arrived meanwhile");
            var refreshed = await client.PostAsync("/refresh", "/unread", true, ("feedId", Id(feedId)));
            Assert.Contains("\"newEntries\":1", refreshed.Html, StringComparison.Ordinal);
            Assert.Equal("Arrived meanwhile", (await client.GetAsync("/unread")).Texts("#entries .entry-title")[0]);

            var marked = await client.PostAsync("/mark-all-read", "/unread", false, ("list", $"feed:{Id(feedId)}"), ("shownAt", shownAt), ("olderThan", ""));
            Assert.Equal($"/feeds/{Id(feedId)}", marked.Location);
            Assert.Equal(["Arrived meanwhile"], (await client.GetAsync("/unread")).Texts("#entries .entry-title"));
        }
    }

    [Fact]
    public async Task Mark_all_read_older_than_a_day_keeps_the_recent_ones()
    {
        await using var site = await FeedSite.StartAsync(items: 0);
        site.Publish("Fresh", DateTimeOffset.UtcNow.AddHours(-2));
        site.Publish("Three days old", DateTimeOffset.UtcNow.AddDays(-3));
        site.Publish("Ten days old", DateTimeOffset.UtcNow.AddDays(-10));
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await SubscribeAsync(client, site.FeedUrl);
            var now = Id(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await client.PostAsync("/mark-all-read", "/unread", false, ("list", "unread"), ("shownAt", now), ("olderThan", "week"));
            Assert.Equal(["Fresh", "Three days old"], (await client.GetAsync("/unread")).Texts("#entries .entry-title"));
            await client.PostAsync("/mark-all-read", "/unread", false, ("list", "unread"), ("shownAt", now), ("olderThan", "day"));
            Assert.Equal(["Fresh"], (await client.GetAsync("/unread")).Texts("#entries .entry-title"));
        }
    }

    [Fact]
    public async Task Pages_continue_after_the_last_entry_shown_even_when_new_ones_arrive()
    {
        await using var site = await FeedSite.StartAsync(items: 25);
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            await app.Get<UserStore>().SaveSettingsAsync(user.Id, user.Settings with { EntriesPerPage = 10 });
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var first = await client.GetAsync("/all");
            Assert.Equal(10, first.Texts("#entries .entry").Count);
            var more = first.Document.QuerySelector("#load-more")!.GetAttribute("href")!;

            site.Publish("Newest");
            await client.PostAsync("/refresh", "/unread", false, ("feedId", Id(feedId)));

            var second = await client.GetAsync(more);
            Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => $"Post {i}"), second.Texts("#entries .entry-title"));
            var fragment = await client.GetAsync(second.Document.QuerySelector("#load-more")!.GetAttribute("data-fragment")!);
            Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"Post {i}"), fragment.Texts(".entry-title"));
            Assert.False(fragment.Headers.ContainsKey("X-Next"));
            Assert.DoesNotContain("<html", fragment.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Folders_and_subscriptions_are_managed_from_their_pages()
    {
        await using var site = await FeedSite.StartAsync(items: 2);
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            await client.PostAsync("/subscriptions?handler=CreateFolder", "/subscriptions", false, ("FolderTitle", "Tech"));
            var duplicate = await client.PostAsync("/subscriptions?handler=CreateFolder", "/subscriptions", false, ("FolderTitle", "Tech"));
            Assert.Contains("exists already", (await client.GetAsync(duplicate.Location!)).Text(".flash"), StringComparison.Ordinal);
            var folder = (await app.Get<FolderStore>().ListAsync(user.Id)).Single();

            var saved = await client.PostAsync($"/feeds/{Id(feedId)}/status?handler=Save", $"/feeds/{Id(feedId)}/status", false, ("Title", "My blog"), ("FolderId", Id(folder.Id)));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            var inFolder = await client.GetAsync($"/folders/{Id(folder.Id)}");
            Assert.Equal("Tech", inFolder.Text("h1"));
            Assert.Equal(["My blog", "My blog"], inFolder.Texts("#entries .feed-name"));
            Assert.Equal("My blog", inFolder.Text($".folder [data-feed='{Id(feedId)}'] .name"));

            await client.PostAsync("/subscriptions?handler=RenameFolder", "/subscriptions", false, ("FolderId", Id(folder.Id)), ("FolderTitle", "Science"));
            Assert.Equal("Science", (await client.GetAsync($"/folders/{Id(folder.Id)}")).Text("h1"));
            await client.PostAsync("/subscriptions?handler=DeleteFolder", "/subscriptions", false, ("FolderId", Id(folder.Id)));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/folders/{Id(folder.Id)}")).Status);
            Assert.Equal(2, (await EntryIdsAsync(client, $"/feeds/{Id(feedId)}")).Count);

            var status = await client.GetAsync($"/feeds/{Id(feedId)}/status");
            Assert.Contains(site.FeedUrl.AbsoluteUri, status.Text(".facts"), StringComparison.Ordinal);
            Assert.Contains("rss2.0", status.Text(".facts"), StringComparison.Ordinal);
            // The feed was just fetched, so its next check is ahead: it reads as how long until then.
            var nextCheck = status.Document.QuerySelectorAll(".facts dt").Single(dt => dt.TextContent == "Next check").NextElementSibling!.TextContent;
            Assert.Matches(@"\((in \d+ (min|h|d)|in a moment)\)$", nextCheck);

            var gone = await client.PostAsync($"/feeds/{Id(feedId)}/status?handler=Unsubscribe", $"/feeds/{Id(feedId)}/status");
            Assert.Equal("/subscriptions", gone.Location);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feeds/{Id(feedId)}")).Status);
            Assert.Empty(await EntryIdsAsync(client, "/all"));
        }
    }

    [Fact]
    public async Task A_site_with_several_feeds_asks_which_one()
    {
        await using var server = await Support.TestWebServer.StartAsync((web, _) =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(web, "/", () => Microsoft.AspNetCore.Http.Results.Content(
                """<html><head><link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml"><link rel="alternate" type="application/atom+xml" title="Comments" href="/comments.xml"></head></html>""", "text/html"));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(web, "/posts.xml", () => Microsoft.AspNetCore.Http.Results.Bytes(Fetching.FeedFixtures.Rss, Fetching.FeedFixtures.RssContentType));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(web, "/comments.xml", () => Microsoft.AspNetCore.Http.Results.Bytes(Fetching.FeedFixtures.Atom, "application/atom+xml"));
        });
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var choose = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", server.BaseUrl.AbsoluteUri));
            Assert.Equal(HttpStatusCode.OK, choose.Status);
            Assert.Equal([server.Url("/posts.xml").AbsoluteUri, server.Url("/comments.xml").AbsoluteUri],
                choose.Document.QuerySelectorAll(".choices input[name=Choice]").Select(i => i.GetAttribute("value")));
            var chosen = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", server.BaseUrl.AbsoluteUri), ("Choice", server.Url("/comments.xml").AbsoluteUri));
            Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
            Assert.Equal(["Atom entry"], (await client.GetAsync(chosen.Location!)).Texts("#entries .entry-title"));

            var refused = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", "not a url"));
            Assert.Contains("Could not subscribe", refused.Text(".errors"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_users_feeds_folders_entries_and_icons_answer_404()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            var feedId = await SubscribeAsync(ann, site.FeedUrl, folder: "Private");
            var entryId = (await EntryIdsAsync(ann, "/unread")).Single();
            var folderId = (await app.Get<FolderStore>().ListAsync(annUser.Id)).Single().Id;
            await app.Get<Icons.IconRefresher>().RunPassAsync(CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync($"/icons/{Id(feedId)}")).Status);

            foreach (var path in new[] { $"/feeds/{Id(feedId)}", $"/feeds/{Id(feedId)}/status", $"/folders/{Id(folderId)}", $"/sidebar/folders/{Id(folderId)}", $"/entries/{Id(entryId)}", $"/icons/{Id(feedId)}" })
            {
                Assert.True((await bob.GetAsync(path)).Status == HttpStatusCode.NotFound, $"bob reached {path}");
            }
            foreach (var path in new[] { $"/entries/{Id(entryId)}/star", $"/entries/{Id(entryId)}/read" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync(path, "/unread")).Status);
            }
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync("/refresh", "/unread", false, ("feedId", Id(feedId)))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/feeds/{Id(feedId)}/status?handler=Unsubscribe", "/unread")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync("/subscriptions?handler=DeleteFolder", "/subscriptions", false, ("FolderId", Id(folderId)))).Status);
            await bob.PostAsync("/mark-all-read", "/unread", false, ("list", $"feed:{Id(feedId)}"), ("shownAt", Id(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
            Assert.Empty(await EntryIdsAsync(bob, "/all"));

            Assert.Equal([entryId], await EntryIdsAsync(ann, "/unread"));
            Assert.Equal("Private", (await ann.GetAsync($"/folders/{Id(folderId)}")).Text("h1"));
        }
    }

    [Fact]
    public async Task Site_icons_are_fetched_once_and_served_with_cache_headers_and_letters_stand_in_until_then()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var before = await client.GetAsync("/unread");
            Assert.Equal("L", before.Text($"[data-feed='{Id(feedId)}'] .icon.letter"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/icons/{Id(feedId)}")).Status);

            Assert.Equal(1, await app.Get<Icons.IconRefresher>().RunPassAsync(CancellationToken.None));
            Assert.Equal(0, await app.Get<Icons.IconRefresher>().RunPassAsync(CancellationToken.None));
            var icon = await client.GetAsync($"/icons/{Id(feedId)}");
            Assert.Equal(HttpStatusCode.OK, icon.Status);
            Assert.Equal("image/png", icon.Headers["Content-Type"]);
            Assert.Contains("max-age", icon.Headers["Cache-Control"], StringComparison.Ordinal);
            var again = await client.GetAsync($"/icons/{Id(feedId)}", ("If-None-Match", icon.Headers["ETag"]));
            Assert.Equal(HttpStatusCode.NotModified, again.Status);
            // Pages name the icon's version, which browsers may then keep for good.
            var src = (await client.GetAsync("/unread")).Document.QuerySelector($"[data-feed='{Id(feedId)}'] img.icon")!.GetAttribute("src")!;
            Assert.Equal($"/icons/{Id(feedId)}?v={icon.Headers["ETag"].Trim('"')}", src);
            Assert.Contains("immutable", (await client.GetAsync(src)).Headers["Cache-Control"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Feed_controlled_text_is_escaped_everywhere_and_pages_carry_a_strict_policy()
    {
        await using var site = await FeedSite.StartAsync(items: 0);
        site.Title = "Fish & Chips <3 \"Daily\" <script>alert(1)</script>";
        site.Publish("5 < 6 & \"quotes\" 'single' <img src=x onerror=alert(2)>", content: "<p onclick=\"alert(3)\">Hi<script>alert(4)</script></p><a href=\"javascript:alert(5)\">x</a>");
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var entryId = (await EntryIdsAsync(client, "/unread")).Single();
            foreach (var path in new[] { "/unread", $"/feeds/{Id(feedId)}", $"/entries/{Id(entryId)}", $"/feeds/{Id(feedId)}/status", "/subscriptions" })
            {
                var page = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
                Assert.Single(page.Document.QuerySelectorAll("script"));
                Assert.Empty(page.Document.QuerySelectorAll("img[onerror], [onclick], a[href^='javascript:']"));
                Assert.DoesNotContain(page.Document.All, e => e.HasAttribute("style"));
                Assert.Contains("script-src 'self'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
                Assert.Contains("frame-ancestors 'none'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
                Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
                Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
            }
            var article = await client.GetAsync($"/entries/{Id(entryId)}");
            Assert.Equal("5 < 6 & \"quotes\" 'single'", article.Text(".article h1"));
            Assert.Equal("Fish & Chips <3 \"Daily\"", article.Text(".byline .via .feed-title"));
            Assert.Contains("5 &lt; 6 &amp; &quot;quotes&quot;", article.Html, StringComparison.Ordinal);
            Assert.Equal("Hi", article.Text(".article .content p"));
        }
    }

    [Fact]
    public async Task Settings_change_language_theme_order_and_what_lists_show()
    {
        await using var site = await FeedSite.StartAsync(items: 3);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            var ids = await EntryIdsAsync(client, $"/feeds/{Id(feedId)}");
            await client.PostAsync($"/entries/{Id(ids[0])}/read", "/unread");

            var saved = await client.PostAsync("/settings?handler=Save", "/settings", false,
                ("Language", "zh-CN"), ("Theme", "Dark"), ("EntriesPerPage", "20"), ("OldestFirst", "true"), ("MarkReadOn", "Manual"), ("ShowRead", "false"), ("TimeZone", "Asia/Shanghai"));
            var after = await client.GetAsync(saved.Location!);
            Assert.Equal("设置已保存。", after.Text(".flash"));
            Assert.Equal("zh-CN", after.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("dark", after.Document.DocumentElement.GetAttribute("data-theme"));
            Assert.Equal("未读", after.Text(".views li:first-child a").Split(' ')[0]);

            Assert.Equal([ids[2], ids[1]], await EntryIdsAsync(client, $"/feeds/{Id(feedId)}"));
            Assert.Equal([ids[2], ids[1], ids[0]], await EntryIdsAsync(client, "/all"));
            // Opening an entry no longer marks it read.
            await client.GetAsync($"/entries/{Id(ids[1])}");
            Assert.Equal([ids[2], ids[1]], await EntryIdsAsync(client, "/unread"));

            // A browser asking for Chinese gets Chinese before any setting exists.
            using var visitor = app.NewClient();
            var login = await visitor.GetAsync("/login", ("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
            Assert.Equal("zh-CN", login.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("登录", login.Text("button.primary"));
        }
    }

    [Fact]
    public async Task Unknown_pages_answer_404_and_pages_that_only_show_refuse_a_post()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/entries/123456")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/123456")).Status);
            Assert.Contains("Not found", (await client.GetAsync("/feeds/123456")).Text("h1"), StringComparison.Ordinal);
            // A page that only shows answers a POST with 405, not a half-built page.
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/unread", "/unread")).Status);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/search?q=x", "/unread")).Status);
        }
    }

    [Fact]
    public async Task Static_assets_are_versioned_and_cached_for_a_year()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var page = await client.GetAsync("/unread");
            var css = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
            Assert.Matches(@"^/static/app\.css\?v=[0-9a-f]{12}$", css);
            var asset = await client.GetAsync(css);
            Assert.Equal(HttpStatusCode.OK, asset.Status);
            Assert.Contains("immutable", asset.Headers["Cache-Control"], StringComparison.Ordinal);
            Assert.StartsWith("text/css", asset.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page.Document.QuerySelector("script[src]")!.GetAttribute("src")!)).Status);
        }
    }

    [Fact]
    public async Task A_refresh_sent_by_a_plain_form_says_how_it_went_on_the_next_page()
    {
        await using var site = await FeedSite.StartAsync(items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await SubscribeAsync(client, site.FeedUrl);
            site.Publish("Newer");
            var answer = await client.PostAsync("/refresh", "/unread", false, ("feedId", Id(feedId)));
            Assert.Equal($"/feeds/{Id(feedId)}/status", answer.Location);
            Assert.Equal("Refreshed: 1 new entry.", (await client.GetAsync(answer.Location!)).Text(".flash"));
        }
    }

    [Fact]
    public async Task An_address_without_a_scheme_is_tried_over_https_then_http()
    {
        await using var site = await FeedSite.StartAsync(items: 2);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            // The browser lets a bare address through: the field is text, not url, and still required.
            var form = await client.GetAsync("/subscriptions");
            var input = form.Document.QuerySelector(".add-form input[name=Address]")!;
            Assert.Equal("text", input.GetAttribute("type"));
            Assert.Equal("url", input.GetAttribute("inputmode"));
            Assert.True(input.HasAttribute("required"));

            // 127.0.0.1:PORT/feed.xml answers only plain http: https fails, http subscribes.
            var address = $"{site.FeedUrl.Authority}{site.FeedUrl.AbsolutePath}";
            var page = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", address));
            Assert.True(page.Status == HttpStatusCode.Redirect, $"subscribing answered {page.Status}: {page.Text(".errors")}");
            var list = await client.GetAsync(page.Location!);
            Assert.Equal(["Post 2", "Post 1"], list.Texts("#entries .entry-title"));
            var feedId = long.Parse(page.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
            var stored = await app.Get<Inertia.Storage.Feeds.FeedStore>().FindByUrlAsync(site.FeedUrl.AbsoluteUri);
            Assert.Equal(feedId, stored?.Id);

            // The same bare address again finds the feed stored under its http address.
            var again = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", address));
            Assert.Equal($"/feeds/{Id(feedId)}", again.Location);
        }
    }

    [Fact]
    public async Task An_address_without_a_scheme_that_answers_neither_https_nor_http_says_so()
    {
        var closed = await Support.TestWebServer.StartAsync((_, _) => { });
        var authority = closed.BaseUrl.Authority;
        await closed.DisposeAsync();
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var refused = await client.PostAsync("/subscriptions?handler=Add", "/subscriptions", false, ("Address", authority + "/feed.xml"));
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            var errors = refused.Text(".errors");
            Assert.Contains("Could not subscribe", errors, StringComparison.Ordinal);
            Assert.Contains("https://" + authority + "/feed.xml", errors, StringComparison.Ordinal);
            Assert.Contains("http://" + authority + "/feed.xml", errors, StringComparison.Ordinal);
        }
    }

    /// <summary>Serves RSS feeds whose channel and items carry the given languages (null: none).</summary>
    internal static Task<Support.TestWebServer> LanguageFeedsAsync(params (string Path, string? FeedLanguage, string Title, string? EntryLanguage)[] feeds) =>
        Support.TestWebServer.StartAsync((web, _) =>
        {
            foreach (var (path, feedLanguage, title, entryLanguage) in feeds)
            {
                var channelLanguage = feedLanguage is null ? "" : $"<language>{feedLanguage}</language>";
                var itemLanguage = entryLanguage is null ? "" : $"<dc:language>{entryLanguage}</dc:language>";
                var xml = $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{title} feed</title><link>http://127.0.0.1/</link>{channelLanguage}<item><guid isPermaLink="false">{path}-1</guid><title>{title}</title><pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate>{itemLanguage}<description>Body of {title}.</description></item></channel></rss>""";
                Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(web, path, () => Microsoft.AspNetCore.Http.Results.Content(xml, "application/rss+xml; charset=utf-8"));
            }
        });

    private static async Task<string?> ContentLanguageAsync(ReaderClient client, long feedId)
    {
        var list = await client.GetAsync($"/feeds/{Id(feedId)}");
        var article = await client.GetAsync(list.Document.QuerySelector("#entries .entry-link")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, article.Status);
        return article.Document.QuerySelector(".article .content")!.GetAttribute("lang");
    }

    [Fact]
    public async Task The_article_body_carries_the_entrys_language_or_its_feeds_not_the_pages()
    {
        await using var server = await LanguageFeedsAsync(
            ("/english.xml", "en", "English post", null),
            ("/chinese.xml", null, "Chinese post", "zh-CN"),
            ("/mixed.xml", "zh-CN", "English post in a Chinese feed", "en-GB"),
            ("/unknown.xml", null, "Post of no language", null));
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var english = await SubscribeAsync(client, server.Url("/english.xml"));
            var chinese = await SubscribeAsync(client, server.Url("/chinese.xml"));
            var mixed = await SubscribeAsync(client, server.Url("/mixed.xml"));
            var unknown = await SubscribeAsync(client, server.Url("/unknown.xml"));

            // An English entry (its language from its feed) in the Chinese interface.
            await client.PostAsync("/settings?handler=Save", "/settings", false,
                ("Language", "zh-CN"), ("Theme", "Light"), ("EntriesPerPage", "50"), ("OldestFirst", "false"), ("MarkReadOn", "Manual"), ("ShowRead", "true"), ("TimeZone", "UTC"));
            var page = await client.GetAsync($"/feeds/{Id(english)}");
            Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", await ContentLanguageAsync(client, english));
            Assert.Equal("en-GB", await ContentLanguageAsync(client, mixed));
            Assert.Null(await ContentLanguageAsync(client, unknown));

            // A Chinese entry in the English interface.
            await client.PostAsync("/settings?handler=Save", "/settings", false,
                ("Language", "en"), ("Theme", "Light"), ("EntriesPerPage", "50"), ("OldestFirst", "false"), ("MarkReadOn", "Manual"), ("ShowRead", "true"), ("TimeZone", "UTC"));
            Assert.Equal("zh-CN", await ContentLanguageAsync(client, chinese));
        }
    }
}
