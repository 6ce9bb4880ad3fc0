using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Inertia.Storage.Accounts;
using Inertia.Storage.Importing;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web;

/// <summary>OPML import in the browser, over real HTTP: the upload returns at once and the import goes on in the background.</summary>
public sealed class OpmlImportTests
{
    internal static async Task<long> UploadAsync(ReaderClient client, byte[] opml, string fileName = "subscriptions.opml")
    {
        var answer = await client.UploadAsync("/subscriptions/import", "Upload", fileName, opml, "/subscriptions/import");
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"the upload answered {answer.Status}: {answer.Text(".errors")}");
        Assert.StartsWith("/subscriptions/import/", answer.Location, StringComparison.Ordinal);
        return long.Parse(answer.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    internal static async Task<JsonElement> ProgressAsync(ReaderClient client, long importId)
    {
        var answer = await client.GetAsync($"/subscriptions/import/{importId}/progress", ("Accept", "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return JsonDocument.Parse(answer.Html).RootElement;
    }

    /// <summary>Polls the progress as the page's script does, until the import finishes; returns every state seen.</summary>
    internal static async Task<List<JsonElement>> WaitAsync(ReaderClient client, long importId, TimeSpan? limit = null)
    {
        var seen = new List<JsonElement>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await ProgressAsync(client, importId);
            seen.Add(state);
            if (state.GetProperty("finished").GetBoolean())
            {
                return seen;
            }
            Assert.True(clock.Elapsed < (limit ?? TimeSpan.FromMinutes(3)), $"The import did not finish: {state}");
            await Task.Delay(200);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Five_hundred_feeds_import_in_the_background_with_folders_duplicates_and_failures_with_reasons(string engine)
    {
        Skip.If(engine == "postgres" && TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var farm = await FeedFarm.StartAsync();
        farm.Delay = TimeSpan.FromMilliseconds(5);
        await using var app = await ReaderApp.StartAsync(engine);
        var (ann, _) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            // Ann follows blog 0 already (a duplicate); Bob follows blog 1, so it is added without a fetch.
            await ReaderPagesTests.SubscribeAsync(ann, farm.Feed(0), folder: "Old");
            await ReaderPagesTests.SubscribeAsync(bob, farm.Feed(1));
            var feeds = new List<(string?, string, Uri)>();
            for (var n = 0; n < 490; n++)
            {
                feeds.Add((n < 200 ? "Tech" : n < 400 ? "科技" : null, $"Blog {n}", farm.Feed(n)));
            }
            for (var n = 0; n < 5; n++)
            {
                feeds.Add(("Dead", $"Missing {n}", farm.Missing(n)));
                feeds.Add(("Dead", $"Page {n}", farm.NotAFeed(n)));
            }
            var servedBefore = farm.FeedsServed;

            var clock = Stopwatch.StartNew();
            var importId = await UploadAsync(ann, OpmlFiles.Build(feeds), "feedly.opml");
            var answeredIn = clock.Elapsed;
            var first = await ProgressAsync(ann, importId);
            Assert.True(answeredIn < TimeSpan.FromSeconds(5), $"The upload took {answeredIn}.");
            Assert.False(first.GetProperty("finished").GetBoolean(), "the import was over before the upload answered: it did not run in the background");
            Assert.Equal(500, first.GetProperty("total").GetInt32());

            // The progress page shows where it stands, and reloads itself without script.
            var page = await ann.GetAsync($"/subscriptions/import/{importId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Import of feedly.opml", page.Text("h1"));
            Assert.Equal("500", page.Document.QuerySelector("progress")!.GetAttribute("max"));
            Assert.Contains("http-equiv=\"refresh\"", page.Document.Head!.QuerySelector("noscript")!.InnerHtml, StringComparison.Ordinal);

            var states = await WaitAsync(ann, importId);
            var done = states.Select(s => s.GetProperty("done").GetInt32()).ToList();
            Assert.True(done.Distinct().Count() > 2, $"the progress never moved in between: {string.Join(", ", done)}");
            Assert.Equal(done.Order(), done);
            var last = states[^1];
            Assert.Equal("done", last.GetProperty("status").GetString());
            Assert.Equal((500, 489, 1, 10), (last.GetProperty("done").GetInt32(), last.GetProperty("added").GetInt32(), last.GetProperty("skipped").GetInt32(), last.GetProperty("failed").GetInt32()));
            Assert.Equal("Finished: 489 added, 1 skipped, 10 failed.", last.GetProperty("statusText").GetString());
            var failures = last.GetProperty("failures").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(0, 5).SelectMany(n => new[] { $"Missing {n}", $"Page {n}" }), failures.Select(f => f.GetProperty("title").GetString()));
            Assert.All(failures, f => Assert.Equal("Dead", f.GetProperty("folder").GetString()));
            Assert.Contains("404", failures[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(failures[1].GetProperty("reason").GetString()));

            // Blog 1 was read already (Bob's); the other 488 new ones were each fetched once, never more than two at a time from one host.
            Assert.Equal(488, farm.FeedsServed - servedBefore);
            Assert.InRange(farm.MostAtOnce, 1, 2);

            // Folders are kept; the feed Ann followed stays where it was.
            var annId = (await app.Get<UserStore>().FindAsync("ann"))!.Id;
            var subscriptions = await app.Get<SubscriptionStore>().ListAsync(annId);
            var byFolder = subscriptions.GroupBy(s => s.FolderTitle ?? "").ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(new Dictionary<string, int> { ["Old"] = 1, ["Tech"] = 199, ["科技"] = 200, [""] = 90, ["Dead"] = 10 }, byFolder);
            Assert.Equal("Old", subscriptions.Single(s => s.FeedUrl == farm.Feed(0).AbsoluteUri).FolderTitle);
            Assert.Equal("980", (await ann.GetAsync("/all")).Text("[data-count='total']"));

            // The finished page lists the failures with their reasons, and the import is in the list of recent ones.
            var finished = await ann.GetAsync($"/subscriptions/import/{importId}");
            Assert.Null(finished.Document.Head!.QuerySelector("noscript"));
            Assert.Equal(10, finished.Document.QuerySelectorAll(".failure-list li").Length);
            Assert.Contains("404", finished.Text(".failure-list li .failure-reason"), StringComparison.Ordinal);
            Assert.Equal("feedly.opml", (await ann.GetAsync("/subscriptions/import")).Text(".imports-table tbody td a"));

            // Importing the same file again skips everything and fetches nothing.
            var again = await UploadAsync(ann, OpmlFiles.Build(feeds));
            var repeat = (await WaitAsync(ann, again))[^1];
            Assert.Equal((0, 500, 0), (repeat.GetProperty("added").GetInt32(), repeat.GetProperty("skipped").GetInt32(), repeat.GetProperty("failed").GetInt32()));

            // Bob sees nothing of Ann's import.
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/subscriptions/import/{importId}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/subscriptions/import/{importId}/progress", ("Accept", "application/json"))).Status);
            Assert.Empty((await bob.GetAsync("/subscriptions/import")).Document.QuerySelectorAll(".imports-table"));
        }
    }

    [Fact]
    public async Task Files_that_cannot_be_imported_get_a_clear_error_and_start_nothing()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            async Task<string> RefusedAsync(byte[] content)
            {
                var answer = await client.UploadAsync("/subscriptions/import", "Upload", "list.opml", content, "/subscriptions/import");
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                return answer.Text(".errors");
            }
            Assert.Equal("This file cannot be imported: The file is not OPML: its root element is <rss>, where OPML has <opml>",
                await RefusedAsync("<rss version=\"2.0\"><channel><title>x</title></channel></rss>"u8.ToArray()));
            Assert.Contains("This file cannot be imported", await RefusedAsync("not xml at all"u8.ToArray()), StringComparison.Ordinal);
            Assert.Equal("This file lists no feeds.", await RefusedAsync("<opml version=\"2.0\"><body><outline text=\"Empty\"/></body></opml>"u8.ToArray()));
            Assert.Equal("Choose an OPML file to import.", await RefusedAsync([]));
            var huge = new byte[2 * 1024 * 1024 + 1];
            Assert.Equal("The file is larger than 2 MB; an OPML subscription list is much smaller.", await RefusedAsync(huge));
            Assert.Empty(await app.Get<ImportStore>().RecentAsync(user.Id, DateTimeOffset.UtcNow));

            // Another site cannot start an import: no anti-forgery token, no import.
            using var form = new MultipartFormDataContent { { new ByteArrayContent(OpmlFiles.Build([("F", "x", new Uri("http://127.0.0.1:1/feed"))])), "Upload", "x.opml" } };
            using var forged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/subscriptions/import") { Content = form });
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Empty(await app.Get<ImportStore>().RecentAsync(user.Id, DateTimeOffset.UtcNow));
        }
    }

    [Fact]
    public async Task Outlines_without_a_usable_feed_address_are_named_on_the_progress_page()
    {
        await using var farm = await FeedFarm.StartAsync();
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var opml = System.Text.Encoding.UTF8.GetBytes($"""
                <opml version="2.0"><body>
                <outline text="Good" xmlUrl="{farm.Feed(1)}"/>
                <outline text="Old scheme" xmlUrl="feed://example.com/rss"/>
                </body></opml>
                """);
            var importId = await UploadAsync(client, opml);
            var page = await client.GetAsync($"/subscriptions/import/{importId}");
            Assert.Equal("Notes from reading the file: line 3, column 1: the outline \"Old scheme\" has no usable feed address (\"feed://example.com/rss\") and was left out", page.Text(".flash"));
            var last = (await WaitAsync(client, importId))[^1];
            Assert.Equal((1, 1), (last.GetProperty("total").GetInt32(), last.GetProperty("added").GetInt32()));
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Another_server_on_the_database_shows_the_progress_and_a_stopped_server_leaves_its_import_interrupted(string engine)
    {
        Skip.If(engine == "postgres" && TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var farm = await FeedFarm.StartAsync();
        farm.Delay = TimeSpan.FromMilliseconds(400);
        await using var database = await TestDatabase.CreateAsync(engine);
        var first = await ReaderApp.StartOnAsync(database);
        await using var second = await ReaderApp.StartOnAsync(database);
        await first.CreateUserAsync("ann");
        using var viaFirst = first.NewClient();
        using var viaSecond = second.NewClient();
        await viaFirst.SignInAsync("ann", "password1");
        await viaSecond.SignInAsync("ann", "password1");

        var importId = await UploadAsync(viaFirst, OpmlFiles.Build(Enumerable.Range(0, 40).Select(n => ((string?)"Slow", $"Slow {n}", farm.Feed(n)))));
        var clock = Stopwatch.StartNew();
        JsonElement state;
        do
        {
            await Task.Delay(200);
            state = await ProgressAsync(viaSecond, importId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"The other server never saw the import running: {state}");
        }
        while (state.GetProperty("status").GetString() != "running" || state.GetProperty("added").GetInt32() == 0);
        Assert.False(state.GetProperty("finished").GetBoolean());

        // The server running the import stops half-way: its import is interrupted, not "running" for ever.
        await first.DisposeAsync();
        var after = await ProgressAsync(viaSecond, importId);
        Assert.Equal("interrupted", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("finished").GetBoolean());
        Assert.InRange(after.GetProperty("done").GetInt32(), 1, 39);
        var page = await viaSecond.GetAsync($"/subscriptions/import/{importId}");
        Assert.StartsWith("Interrupted: the server stopped before the import finished", page.Text(".import-status"), StringComparison.Ordinal);
        Assert.Null(page.Document.Head!.QuerySelector("noscript"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_import_whose_process_died_reads_as_interrupted_once_its_heartbeat_is_stale(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var users = new UserStore(database.Database);
        var store = new ImportStore(database.Database);
        var user = (await users.CreateAsync("ann", "x", false, DateTimeOffset.UtcNow))!;
        var start = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var id = await store.CreateAsync(user.Id, "a.opml", [new("http://a.example/feed", "A", null, "F"), new("http://b.example/feed", null, null, null)], "dead-process", start);
        await store.SetStatusAsync(id, ImportStatus.Running, start);
        await store.RecordAsync(id, [(0, ImportOutcome.Added, null)], start);

        Assert.Equal(ImportStatus.Running, (await store.GetAsync(user.Id, id, start + ImportStore.StaleAfter, false))!.Status);
        var stale = (await store.GetAsync(user.Id, id, start + ImportStore.StaleAfter + TimeSpan.FromSeconds(1), false))!;
        Assert.Equal((ImportStatus.Interrupted, 2, 1, true), (stale.Status, stale.Total, stale.Done, stale.IsFinished));

        // A living process's heartbeat keeps it running; stopping marks it interrupted for good.
        await store.HeartbeatAsync("dead-process", start + TimeSpan.FromMinutes(5));
        Assert.Equal(ImportStatus.Running, (await store.GetAsync(user.Id, id, start + TimeSpan.FromMinutes(5.5), false))!.Status);
        Assert.Equal(1, await store.InterruptAsync("dead-process", start + TimeSpan.FromMinutes(6)));
        Assert.Equal(ImportStatus.Interrupted, (await store.GetAsync(user.Id, id, start + TimeSpan.FromMinutes(6), false))!.Status);
        Assert.Null(await store.GetAsync(user.Id + 1, id, start, false));
    }
}
