using System.Globalization;
using System.Net;
using System.Text.Json;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Public;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web.Public;

/// <summary>Share links over real HTTP: any entry a reader can read, an unguessable code, open to visitors until revoked.</summary>
public sealed class SharingTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<long> FirstEntryAsync(ReaderApp app, User user) =>
        (await app.Get<EntryStore>().PageAsync(user.Id, new EntryQuery { View = EntryView.All, Limit = 1 })).Items[0].EntryId;

    private static async Task<(long Id, string Code, string Url)> ShareAsync(ReaderClient client, long entryId)
    {
        var answer = await client.PostAsync($"/entries/{Id(entryId)}/share", $"/entries/{Id(entryId)}", json: true);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using var json = JsonDocument.Parse(answer.Html);
        return (json.RootElement.GetProperty("id").GetInt64(), json.RootElement.GetProperty("code").GetString()!, json.RootElement.GetProperty("url").GetString()!);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_shared_private_entry_opens_for_anyone_with_the_link_until_it_is_revoked(string engine)
    {
        await using var site = await FeedSite.StartAsync("Private Diary", items: 2);
        await using var app = await ReaderApp.StartAsync(engine);
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using var visitor = app.NewClient();
        using (ann)
        using (bob)
        {
            await ReaderPagesTests.SubscribeAsync(ann, site.FeedUrl);
            var entryId = await FirstEntryAsync(app, annUser);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/a/{Id(entryId)}")).Status);

            // The reader's article view offers sharing; the form makes the link and the page then shows it.
            var view = await ann.GetAsync($"/entries/{Id(entryId)}");
            Assert.Equal("Share", view.Text("#share"));
            var made = await ann.PostAsync($"/entries/{Id(entryId)}/share", $"/entries/{Id(entryId)}", false, ("returnUrl", $"/entries/{Id(entryId)}"));
            Assert.Equal($"/entries/{Id(entryId)}", made.Location);
            view = await ann.GetAsync($"/entries/{Id(entryId)}");
            var url = view.Document.QuerySelector("#share-url")!.GetAttribute("value")!;
            Assert.Null(view.Document.QuerySelector("#share"));
            Assert.Contains(url, view.Text(".flash"), StringComparison.Ordinal);

            // Sharing again gives the same link.
            var (shareId, code, jsonUrl) = await ShareAsync(ann, entryId);
            Assert.Equal(url, jsonUrl);
            Assert.Equal(new Uri(app.BaseUrl, "/s/" + code).AbsoluteUri, url);
            Assert.Matches("^[A-Za-z0-9_-]{22}$", code);

            var shared = await visitor.GetAsync($"/s/{code}");
            Assert.Equal(HttpStatusCode.OK, shared.Status);
            Assert.Equal("Post 2", shared.Text(".article h1"));
            Assert.Equal("Body of post 2.", shared.Text(".article .content"));
            Assert.Equal("noindex", shared.Document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
            // The feed is not public: "via" names it without linking to a page that would answer 404.
            Assert.Null(shared.Document.QuerySelector(".byline a.via"));
            Assert.Equal("Private Diary", shared.Text(".byline .via .feed-title"));
            // Cached, but asked about again each time: a revoked link closes at once, even in caches.
            Assert.Equal(["no-cache", "public"], shared.Headers["Cache-Control"].Split(", ").Order(StringComparer.Ordinal));
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.GetAsync($"/s/{code}", ("If-None-Match", shared.Headers["ETag"]))).Status);
            Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/s/{code}")).Status);

            // Only the sharer revokes; another reader's attempt changes nothing.
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/shares/{Id(shareId)}/revoke", "/settings")).Status);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{code}")).Status);
            var list = await ann.GetAsync("/settings/shares");
            Assert.Equal(["Post 2"], list.Texts(".shares-table td:first-child > a:first-child"));
            Assert.Equal(url, list.Text(".share-link"));
            Assert.Empty((await bob.GetAsync("/settings/shares")).Document.QuerySelectorAll(".shares-table tr[data-id]"));

            var revoked = await ann.PostAsync($"/shares/{Id(shareId)}/revoke", "/settings/shares", false, ("returnUrl", "/settings/shares"));
            Assert.Equal("/settings/shares", revoked.Location);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/s/{code}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync($"/s/{code}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await ann.PostAsync($"/shares/{Id(shareId)}/revoke", "/settings")).Status);

            // A new share is a new code; the old one stays dead.
            var (_, again, _) = await ShareAsync(ann, entryId);
            Assert.NotEqual(code, again);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{again}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/s/{code}")).Status);

            // A sharer who no longer follows the feed can no longer read the entry, and neither can the link.
            await ann.PostAsync($"/feeds/{Id((await app.Get<SubscriptionStore>().ListAsync(annUser.Id)).Single().FeedId)}/status?handler=Unsubscribe", "/subscriptions");
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/s/{again}")).Status);
        }
    }

    [Fact]
    public async Task Only_entries_the_reader_can_read_are_shared_and_bad_codes_are_404()
    {
        await using var site = await FeedSite.StartAsync("Private Diary", items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using var visitor = app.NewClient();
        using (ann)
        using (bob)
        {
            await ReaderPagesTests.SubscribeAsync(ann, site.FeedUrl);
            var entryId = await FirstEntryAsync(app, annUser);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/entries/{Id(entryId)}/share", "/settings", json: true)).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await ann.PostWithoutTokenAsync($"/entries/{Id(entryId)}/share", [])).Status);
            Assert.Empty(await app.Get<ShareStore>().ListAsync(annUser.Id));
            foreach (var bad in new[] { "x", "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA%27", new string('A', 200) })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/s/" + bad)).Status);
            }

            // A disabled account's links close with its sessions.
            var (_, code, _) = await ShareAsync(ann, entryId);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{code}")).Status);
            await app.Get<UserStore>().SetDisabledAsync(annUser.Id, true);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/s/{code}")).Status);
        }
    }

    [Fact]
    public void Share_codes_carry_128_random_bits_in_url_safe_characters()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ShareCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.True(ShareCode.IsWellFormed(c), c));
        Assert.All(codes, c => Assert.Equal(16, Convert.FromBase64String(c.Replace('-', '+').Replace('_', '/') + "==").Length));
        // Every character position varies (a fixed prefix or suffix would mean fewer random bits).
        Assert.All(Enumerable.Range(0, ShareCode.Length - 1), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() > 32, $"position {i}"));
    }

    [Fact]
    public async Task A_shared_entry_is_shown_in_its_feeds_language_whatever_the_visitors()
    {
        await using var server = await ReaderPagesTests.LanguageFeedsAsync(("/english.xml", "en", "English post", null));
        await using var app = await ReaderApp.StartAsync();
        var (ann, annUser) = await app.SignedInAsync("ann");
        using var visitor = app.NewClient();
        using (ann)
        {
            await ReaderPagesTests.SubscribeAsync(ann, server.Url("/english.xml"));
            var (_, code, _) = await ShareAsync(ann, await FirstEntryAsync(app, annUser));
            var shared = await visitor.GetAsync($"/s/{code}", ("Accept-Language", "zh-CN,zh;q=0.9"));
            Assert.Equal("zh-CN", shared.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", shared.Document.QuerySelector(".article .content")!.GetAttribute("lang"));
        }
    }
}
