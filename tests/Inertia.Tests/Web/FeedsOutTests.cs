using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Inertia.Feeds;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web;

/// <summary>Each folder and the starred list as RSS 2.0, Atom 1.0 and JSON Feed 1.1, behind a per-user token.</summary>
public sealed class FeedsOutTests
{
    private static async Task<List<long>> EntryIdsAsync(ReaderClient client, string path) =>
        (await client.GetAsync(path)).Document.QuerySelectorAll("#entries > .entry").Select(e => long.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Makes the reader's feed addresses from the settings page and returns them, by list and extension.</summary>
    private static async Task<Dictionary<(string List, string Format), string>> MakeAddressesAsync(ReaderClient client)
    {
        var made = await client.PostAsync("/settings/private-feeds", "/settings");
        Assert.Equal((HttpStatusCode.Redirect, "/settings#private-feeds"), (made.Status, made.Location));
        return await AddressesAsync(client);
    }

    private static async Task<Dictionary<(string List, string Format), string>> AddressesAsync(ReaderClient client) =>
        (await client.GetAsync("/settings")).Document.QuerySelectorAll("#private-feeds fieldset").SelectMany(list =>
            list.QuerySelectorAll("input.copy").Select(input => (list.QuerySelector("legend")!.TextContent.Trim(), input.GetAttribute("data-format")!, input.GetAttribute("value")!)))
            .ToDictionary(a => (a.Item1, a.Item2), a => a.Item3);

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_folder_and_the_starred_list_read_back_through_our_parser_in_every_format_with_the_required_elements(string engine)
    {
        Skip.If(engine == "postgres" && TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var site = await FeedSite.StartAsync("Loopback Blog", items: 3);
        site.Publish("Scripted & styled", DateTimeOffset.UtcNow.AddMinutes(-5), "<p>Hello <b>there</b><script>alert(1)</script></p>");
        await using var app = await ReaderApp.StartAsync(engine);
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.HomeUrl, folder: "Blogs");
            var ids = await EntryIdsAsync(client, $"/feeds/{feedId}");
            Assert.Equal(4, ids.Count);
            await client.PostAsync($"/entries/{ids[2]}/star", "/unread");
            await client.PostAsync($"/entries/{ids[0]}/star", "/unread");

            var before = await client.GetAsync("/settings");
            Assert.Equal("Make private feed addresses", before.Text("#private-feeds button"));
            Assert.Empty(before.Document.QuerySelectorAll("#private-feeds input.copy"));
            var addresses = await MakeAddressesAsync(client);
            Assert.Equal(6, addresses.Count);
            var token = addresses[("Starred", "rss")].Split('/')[^2];
            Assert.True(token.Length >= 43, $"the token {token} has fewer than 256 bits");
            var folderId = (await app.Get<FolderStore>().ListAsync(user.Id)).Single().Id;
            Assert.Equal($"{app.BaseUrl}out/{user.Id}/{token}/folders/{folderId}.atom", addresses[("Blogs", "atom")]);

            var stored = await app.Get<EntryStore>().GetAsync(user.Id, ids[0]);
            Assert.DoesNotContain("script", stored!.Content, StringComparison.Ordinal);
            foreach (var ((list, extension), url) in addresses)
            {
                using var response = await FeedsOutChecks.FetchAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var contentType = response.Content.Headers.ContentType!.ToString();
                Assert.Equal(extension switch { "rss" => "application/rss+xml", "atom" => "application/atom+xml", _ => "application/feed+json" }, response.Content.Headers.ContentType.MediaType);
                Assert.True(response.Headers.CacheControl is { Private: true }, $"{url}: Cache-Control {response.Headers.CacheControl}");
                Assert.NotNull(response.Headers.ETag);
                Assert.NotNull(response.Content.Headers.LastModified);

                var feed = FeedParser.Default.Parse(bytes, contentType, new Uri(url));
                Assert.Equal(extension switch { "rss" => FeedFormat.Rss20, "atom" => FeedFormat.Atom10, _ => FeedFormat.Json11 }, feed.Format);
                Assert.True(feed.Warnings.Count == 0, $"{url} needed repairs: {string.Join("; ", feed.Warnings)}");
                Assert.Equal(url, feed.FeedUrl);
                Assert.Equal(list == "Starred" ? "Starred by ann" : "Blogs", feed.Title);
                var expected = list == "Starred" ? [ids[0], ids[2]] : ids;
                Assert.Equal(expected.Select(id => $"{app.BaseUrl}entries/{id}"), feed.Entries.Select(e => e.Id));
                var scripted = feed.Entries[0];
                if (list != "Starred" || expected[0] == ids[0])
                {
                    Assert.Equal(stored.Title, scripted.Title);
                    Assert.Equal(stored.Content, scripted.Content);
                    Assert.Equal(stored.Url, scripted.Link);
                }
                Assert.All(feed.Entries, e => Assert.NotNull(e.Published));
                Assert.Contains(feed.Entries, e => e.Categories.Contains("News") && e.Authors.Any(a => a.Name == "Ann Author"));

                FeedsOutChecks.RequiredElements(bytes, extension, url);
            }
        }
    }

    [Fact]
    public async Task Plain_text_titles_are_escaped_as_html_in_rss_and_stay_plain_text_in_atom_and_json()
    {
        const string Title = "<img src=x onerror=alert(1)> & \"q\"";
        const string Folder = "<b>Folder</b> & \"f\"";
        await using var site = await FeedSite.StartAsync(items: 0);
        // RSS titles are HTML to our reader too: the source escapes the title as HTML so that it is stored as this text.
        site.Publish(WebUtility.HtmlEncode(Title));
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl, folder: Folder);
            var ids = await EntryIdsAsync(client, $"/feeds/{feedId}");
            await client.PostAsync($"/entries/{ids[0]}/star", "/unread");
            var addresses = await MakeAddressesAsync(client);
            Assert.Equal(Title, (await app.Get<EntryStore>().GetAsync(user.Id, ids[0]))!.Title);

            foreach (var list in new[] { Folder, "Starred" })
            {
                using var rss = await FeedsOutChecks.FetchAsync(addresses[(list, "rss")]);
                var channel = XDocument.Parse(await rss.Content.ReadAsStringAsync()).Root!.Element("channel")!;
                Assert.Equal(WebUtility.HtmlEncode(Title), channel.Element("item")!.Element("title")!.Value);
                Assert.Equal(Title, FeedParser.Default.Parse(Encoding.UTF8.GetBytes(channel.Document!.ToString())).Entries.Single().Title);

                using var atom = await FeedsOutChecks.FetchAsync(addresses[(list, "atom")]);
                XNamespace ns = "http://www.w3.org/2005/Atom";
                var feed = XDocument.Parse(await atom.Content.ReadAsStringAsync()).Root!;
                Assert.Equal(Title, feed.Element(ns + "entry")!.Element(ns + "title")!.Value);

                using var json = await FeedsOutChecks.FetchAsync(addresses[(list, "json")]);
                var items = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
                Assert.Equal(Title, items[0].GetProperty("title").GetString());
            }
            using var folderRss = await FeedsOutChecks.FetchAsync(addresses[(Folder, "rss")]);
            var folderChannel = XDocument.Parse(await folderRss.Content.ReadAsStringAsync()).Root!.Element("channel")!;
            Assert.Equal(WebUtility.HtmlEncode(Folder), folderChannel.Element("title")!.Value);
            Assert.Contains(WebUtility.HtmlEncode(Folder), folderChannel.Element("description")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Conditional_requests_get_304_until_the_list_changes()
    {
        await using var site = await FeedSite.StartAsync(items: 3);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl, folder: "Blogs");
            var ids = await EntryIdsAsync(client, $"/feeds/{feedId}");
            await client.PostAsync($"/entries/{ids[1]}/star", "/unread");
            var addresses = await MakeAddressesAsync(client);
            foreach (var url in new[] { addresses[("Starred", "atom")], addresses[("Blogs", "json")] })
            {
                using var first = await FeedsOutChecks.FetchAsync(url);
                var etag = first.Headers.ETag!;
                var lastModified = first.Content.Headers.LastModified!.Value;
                using (var again = await FeedsOutChecks.FetchAsync(url))
                {
                    Assert.Equal(etag, again.Headers.ETag);
                }
                using (var byTag = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(etag)))
                {
                    Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
                    Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
                }
                using (var byDate = await FeedsOutChecks.FetchAsync(url, h => h.IfModifiedSince = lastModified))
                {
                    Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
                }
                using (var otherTag = await FeedsOutChecks.FetchAsync(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""))))
                {
                    Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
                }
            }

            // Starring another entry changes the starred feed: the old tag gets the new feed.
            using var starredBefore = await FeedsOutChecks.FetchAsync(addresses[("Starred", "atom")]);
            await Task.Delay(1100);
            await client.PostAsync($"/entries/{ids[2]}/star", "/unread");
            using var changed = await FeedsOutChecks.FetchAsync(addresses[("Starred", "atom")], h => h.IfNoneMatch.Add(starredBefore.Headers.ETag!));
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(2, FeedParser.Default.Parse(await changed.Content.ReadAsByteArrayAsync()).Entries.Count);
            using var changedByDate = await FeedsOutChecks.FetchAsync(addresses[("Starred", "atom")], h => h.IfModifiedSince = starredBefore.Content.Headers.LastModified);
            Assert.Equal(HttpStatusCode.OK, changedByDate.StatusCode);
        }
    }

    [Fact]
    public async Task Wrong_old_and_borrowed_tokens_and_other_users_folders_are_not_found()
    {
        await using var site = await FeedSite.StartAsync(items: 2);
        await using var app = await ReaderApp.StartAsync();
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, bobUser) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            await ReaderPagesTests.SubscribeAsync(ann, site.FeedUrl, folder: "Ann's");
            await ReaderPagesTests.SubscribeAsync(bob, site.FeedUrl, folder: "Bob's");
            var annAddresses = await MakeAddressesAsync(ann);
            var bobAddresses = await MakeAddressesAsync(bob);
            var annFolder = annAddresses[("Ann's", "rss")];
            var bobFolderId = (await app.Get<FolderStore>().ListAsync(bobUser.Id)).Single().Id;
            var annToken = annFolder.Split('/')[^3];
            Assert.NotEqual(annToken, bobAddresses[("Bob's", "rss")].Split('/')[^3]);
            Assert.Equal(HttpStatusCode.OK, (await FeedsOutChecks.FetchAsync(annFolder)).StatusCode);

            var wrongToken = annFolder.Replace(annToken, annToken[..^2] + (annToken.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), StringComparison.Ordinal);
            var bobsFolderWithAnnsToken = $"{app.BaseUrl}out/{annUser.Id}/{annToken}/folders/{bobFolderId}.rss";
            var annsTokenAsBob = $"{app.BaseUrl}out/{bobUser.Id}/{annToken}/starred.rss";
            var unknownFormat = annFolder[..^".rss".Length] + ".xml";
            foreach (var url in new[] { wrongToken, bobsFolderWithAnnsToken, annsTokenAsBob, unknownFormat, $"{app.BaseUrl}out/{annUser.Id}/x/starred.rss" })
            {
                using var response = await FeedsOutChecks.FetchAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
                Assert.DoesNotContain("Loopback Blog", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Regenerating ends the old addresses at once and makes new ones.
            var regenerated = await ann.PostAsync("/settings/private-feeds", "/settings");
            Assert.Equal(HttpStatusCode.Redirect, regenerated.Status);
            var settings = await ann.GetAsync("/settings");
            Assert.Equal("New addresses made; the old ones no longer work.", settings.Text(".flash"));
            Assert.Equal("Regenerate the addresses", settings.Text("#private-feeds button"));
            var fresh = await AddressesAsync(ann);
            Assert.NotEqual(annFolder, fresh[("Ann's", "rss")]);
            Assert.Equal(HttpStatusCode.NotFound, (await FeedsOutChecks.FetchAsync(annFolder)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await FeedsOutChecks.FetchAsync(fresh[("Ann's", "rss")])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await FeedsOutChecks.FetchAsync(bobAddresses[("Bob's", "rss")])).StatusCode);

            // A disabled account publishes nothing; making addresses needs a session and a token.
            await app.Get<UserStore>().SetDisabledAsync(annUser.Id, true);
            Assert.Equal(HttpStatusCode.NotFound, (await FeedsOutChecks.FetchAsync(fresh[("Ann's", "rss")])).StatusCode);
            using var stranger = app.NewClient();
            Assert.Equal(HttpStatusCode.BadRequest, (await bob.PostWithoutTokenAsync("/settings/private-feeds", [])).Status);
            Assert.Equal(HttpStatusCode.OK, (await FeedsOutChecks.FetchAsync(bobAddresses[("Bob's", "rss")])).StatusCode);
        }
    }
}
