using System.Globalization;
using System.Net;
using Inertia.Feeds.Opml;
using Inertia.Storage.Accounts;
using Inertia.Storage.Subscriptions;

namespace Inertia.Tests.Web;

/// <summary>OPML export in the browser: all subscriptions or one folder, as a download another account can import.</summary>
public sealed class OpmlExportTests
{
    private static async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(ReaderClient client, string path)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<List<(string? Folder, string Url, string Title)>> StructureAsync(ReaderApp app, string user) =>
        (await app.Get<SubscriptionStore>().ListAsync((await app.Get<UserStore>().FindAsync(user))!.Id))
            .Select(s => (s.FolderTitle, s.FeedUrl, s.Title)).Order().ToList();

    [Fact]
    public async Task Exporting_everything_and_importing_it_into_another_account_gives_the_same_structure()
    {
        await using var farm = await FeedFarm.StartAsync();
        await using var app = await ReaderApp.StartAsync();
        var (ann, _) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            var annImport = await OpmlImportTests.UploadAsync(ann, OpmlFiles.Build(
            [
                ("Tech", "Blog 1", farm.Feed(1)), ("Tech", "Blog 2", farm.Feed(2)), ("少数派 & co", "Blog 3", farm.Feed(3)),
                (null, "Blog 4", farm.Feed(4)), (null, "Gone", farm.Missing(5)),
            ]));
            await OpmlImportTests.WaitAsync(ann, annImport);

            var (response, body) = await DownloadAsync(ann, "/subscriptions/export");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/x-opml", response.Content.Headers.ContentType!.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Matches(@"^inertia-subscriptions-\d{4}-\d{2}-\d{2}\.opml$", disposition.FileName!.Trim('"'));
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
            var opml = OpmlReader.Read(body);
            Assert.Empty(opml.Warnings);
            Assert.Equal("ann's subscriptions in Inertia", opml.Title);
            Assert.Equal(5, opml.Feeds.Count);
            // The title the reader gave it (here, the one of the first file) travels with it.
            Assert.Equal("Blog 4", opml.Feeds.Single(f => f.FeedUrl == farm.Feed(4).AbsoluteUri).Title);

            var bobImport = await OpmlImportTests.UploadAsync(bob, body, disposition.FileName!.Trim('"'));
            var result = (await OpmlImportTests.WaitAsync(bob, bobImport))[^1];
            // The dead feed is not fetched again for Bob, but he learns at once that it fails, and why.
            Assert.Equal((4, 0, 1), (result.GetProperty("added").GetInt32(), result.GetProperty("skipped").GetInt32(), result.GetProperty("failed").GetInt32()));
            Assert.Contains("404", result.GetProperty("failures")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(await StructureAsync(app, "ann"), await StructureAsync(app, "bob"));
            Assert.Equal(3, (await StructureAsync(app, "bob")).Count(s => s.Folder is not null));
        }
    }

    [Fact]
    public async Task Exporting_one_folder_gives_only_its_feeds_inside_it_and_another_users_folder_is_not_found()
    {
        await using var farm = await FeedFarm.StartAsync();
        await using var app = await ReaderApp.StartAsync();
        var (ann, annUser) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            await OpmlImportTests.WaitAsync(ann, await OpmlImportTests.UploadAsync(ann, OpmlFiles.Build(
                [("科技 News", "Blog 1", farm.Feed(1)), ("科技 News", "Blog 2", farm.Feed(2)), ("Other", "Blog 3", farm.Feed(3)), (null, "Blog 4", farm.Feed(4))])));
            var folder = (await app.Get<FolderStore>().ListAsync(annUser.Id)).Single(f => f.Title == "科技 News");
            var path = "/subscriptions/export?folder=" + folder.Id.ToString(CultureInfo.InvariantCulture);

            // The subscriptions page offers both exports.
            var subscriptions = await ann.GetAsync("/subscriptions");
            Assert.NotNull(subscriptions.Document.QuerySelector("#opml a[href='/subscriptions/export']"));
            Assert.Equal(["Other", "科技 News"], subscriptions.Document.QuerySelectorAll("#opml select[name=folder] option").Select(o => o.TextContent).Order(StringComparer.Ordinal));

            var (response, body) = await DownloadAsync(ann, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(@"^inertia-科技-news-\d{4}-\d{2}-\d{2}\.opml$", response.Content.Headers.ContentDisposition!.FileNameStar);
            var opml = OpmlReader.Read(body);
            Assert.Equal("ann's folder “科技 News” in Inertia", opml.Title);
            Assert.Equal([(farm.Feed(1).AbsoluteUri, "科技 News"), (farm.Feed(2).AbsoluteUri, "科技 News")], opml.Feeds.Select(f => (f.FeedUrl, f.Folder!)).Order().ToList());

            // Imported by Bob, the folder comes back whole, and nothing else.
            await OpmlImportTests.WaitAsync(bob, await OpmlImportTests.UploadAsync(bob, body));
            Assert.Equal([("科技 News", farm.Feed(1).AbsoluteUri, "Blog 1"), ("科技 News", farm.Feed(2).AbsoluteUri, "Blog 2")], await StructureAsync(app, "bob"));

            Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(bob, path)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(ann, "/subscriptions/export?folder=999999")).Response.StatusCode);
            using var stranger = app.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await DownloadAsync(stranger, "/subscriptions/export")).Response.StatusCode);
        }
    }
}
