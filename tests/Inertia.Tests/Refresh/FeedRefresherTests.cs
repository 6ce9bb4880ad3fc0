using System.Text;
using Dapper;
using Inertia.Fetching;
using Inertia.Refresh;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Refresh;

/// <summary>Refreshing feeds served by a real HTTP server on 127.0.0.1, into a real database (SQLite and PostgreSQL).</summary>
public sealed class FeedRefresherTests
{
    // One date for every body served: read from the clock per request, two fetches a second apart served
    // different bytes, and an unchanged item looked edited.
    private static readonly DateTimeOffset Published = DateTimeOffset.UtcNow.AddHours(-1);

    private static byte[] Rss(params (string Guid, string Title)[] items) => Encoding.UTF8.GetBytes(
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Served</title><link>https://served.example/</link>
        {string.Concat(items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><pubDate>{Published:R}</pubDate><description>Body of {i.Title}</description></item>"))}
        </channel></rss>
        """);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_second_fetch_answered_304_changes_only_the_fetch_state(string engine)
    {
        var requestsWithValidator = 0;
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                requestsWithValidator++;
                return Results.StatusCode(304);
            }
            context.Response.Headers.ETag = "\"v1\"";
            return Results.Bytes(Rss(("a", "A"), ("b", "B")), "application/rss+xml");
        }));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var first = await harness.RefreshAsync(feedId);
        var fetchedAt = (await harness.FeedAsync(feedId)).LastFetchedAt;
        var second = await harness.RefreshAsync(feedId);

        Assert.Equal((RefreshResult.Updated, 2), (first.Result, first.NewEntries));
        Assert.Equal(RefreshResult.NotModified, second.Result);
        Assert.Equal(1, requestsWithValidator);
        Assert.Equal(2, await harness.EntryCountAsync());
        var feed = await harness.FeedAsync(feedId);
        Assert.Equal("\"v1\"", feed.Etag);
        Assert.Equal(304, feed.LastStatus);
        Assert.True(feed.LastFetchedAt >= fetchedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Last_modified_is_sent_back_as_if_modified_since(string engine)
    {
        const string stamp = "Tue, 24 Nov 2026 10:00:00 GMT";
        string? received = null;
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", (HttpContext context) =>
        {
            received = context.Request.Headers.IfModifiedSince;
            if (received == stamp)
            {
                return Results.StatusCode(304);
            }
            context.Response.Headers.LastModified = stamp;
            return Results.Bytes(Rss(("a", "A")), "application/rss+xml");
        }));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        await harness.RefreshAsync(feedId);
        var second = await harness.RefreshAsync(feedId);

        Assert.Equal(stamp, received);
        Assert.Equal(RefreshResult.NotModified, second.Result);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Refreshing_without_a_progress_listener_still_refreshes_and_can_refresh_again(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(Rss(("a", "A")), "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        Assert.Equal(1, await harness.Runner.RunNowAsync([feedId], null, CancellationToken.None));
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, await harness.EntryCountAsync());
        // Nothing of the first run is left behind as "in flight": the feed is fetched again.
        Assert.Equal(1, await harness.Runner.RunNowAsync([feedId], null, CancellationToken.None));
        Assert.Equal(2, server.RequestCount);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_identical_body_is_not_parsed_again(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(Rss(("a", "A")), "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        await harness.RefreshAsync(feedId);
        var second = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Unchanged, second.Result);
        Assert.Equal(2, server.RequestCount);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_entry_changed_upstream_is_updated_not_duplicated(string engine)
    {
        var version = 1;
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () =>
            Results.Bytes(version == 1 ? Rss(("a", "First title"), ("b", "B")) : Rss(("a", "Corrected title"), ("b", "B"), ("c", "C")), "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        await harness.RefreshAsync(feedId);
        version = 2;
        var second = await harness.RefreshAsync(feedId);

        Assert.Equal((1, 1), (second.NewEntries, second.UpdatedEntries));
        Assert.Equal(3, await harness.EntryCountAsync());
        Assert.Equal("Corrected title", await harness.Database.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT title FROM entries WHERE guid = 'a'")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_301_or_308_moves_the_feed_once_the_target_serves_a_feed_and_302_or_307_do_not(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, s) =>
        {
            app.MapGet("/moved", () => Results.Redirect(s.Url("/new").AbsoluteUri, permanent: true));
            app.MapGet("/visiting", () => Results.Redirect(s.Url("/elsewhere").AbsoluteUri, permanent: false));
            app.MapGet("/visiting-307", () => Results.Redirect(s.Url("/elsewhere-307").AbsoluteUri, permanent: false, preserveMethod: true));
            app.MapGet("/moved-to-page", () => Results.Redirect(s.Url("/page").AbsoluteUri, permanent: true, preserveMethod: true));
            app.MapGet("/new", () => Results.Bytes(Rss(("a", "A")), "application/rss+xml"));
            app.MapGet("/elsewhere", () => Results.Bytes(Rss(("b", "B")), "application/rss+xml"));
            app.MapGet("/elsewhere-307", () => Results.Bytes(Rss(("c", "C")), "application/rss+xml"));
            app.MapGet("/page", () => Results.Content("<!DOCTYPE html><html><body>Hi</body></html>", "text/html"));
        });
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var moved = await harness.FollowAsync(server.Url("/moved"));
        var visiting = await harness.FollowAsync(server.Url("/visiting"));
        var visiting307 = await harness.FollowAsync(server.Url("/visiting-307"));
        var movedToPage = await harness.FollowAsync(server.Url("/moved-to-page"));

        await harness.RefreshAsync(moved);
        await harness.RefreshAsync(visiting);
        await harness.RefreshAsync(visiting307);
        var failed = await harness.RefreshAsync(movedToPage);

        Assert.Equal(server.Url("/new").AbsoluteUri, (await harness.FeedAsync(moved)).Url);
        Assert.Equal(server.Url("/visiting").AbsoluteUri, (await harness.FeedAsync(visiting)).Url);
        Assert.Equal(server.Url("/visiting-307").AbsoluteUri, (await harness.FeedAsync(visiting307)).Url);
        Assert.Equal(RefreshResult.Failed, failed.Result);
        Assert.Equal(server.Url("/moved-to-page").AbsoluteUri, (await harness.FeedAsync(movedToPage)).Url);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Gone_stops_polling_and_tells_the_subscribers(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.StatusCode(410)));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Gone, outcome.Result);
        var feed = await harness.FeedAsync(feedId);
        Assert.True(feed.IsGone);
        Assert.Contains("410", feed.LastError, StringComparison.Ordinal);
        Assert.Empty(await harness.Store.ClaimDueAsync("later", DateTimeOffset.UtcNow.AddYears(1), TimeSpan.FromMinutes(5), 10));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Too_many_requests_honours_retry_after(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "7200";
            return Results.StatusCode(429);
        }));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));
        var before = DateTimeOffset.UtcNow;

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Failed, outcome.Result);
        Assert.True(outcome.NextCheckAt >= before.AddHours(2), $"next check {outcome.NextCheckAt}");
        Assert.Contains("429", (await harness.FeedAsync(feedId)).LastError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Failures_back_off_and_keep_the_last_error_for_the_user(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.StatusCode(500)));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var start = DateTimeOffset.UtcNow;
            waits.Add((await harness.RefreshAsync(feedId)).NextCheckAt - start);
        }

        var feed = await harness.FeedAsync(feedId);
        Assert.Equal(4, feed.ErrorCount);
        Assert.Equal("The server answered 500 Internal Server Error: the site has a problem on its side.", feed.LastError);
        Assert.False(feed.IsGone);
        // 10, 20, 40, 80 minutes, each ±20%: every wait is longer than the one before.
        Assert.True(waits[0] >= TimeSpan.FromMinutes(7.9) && waits[0] <= TimeSpan.FromMinutes(12.1), $"{waits[0]}");
        Assert.True(waits.Zip(waits.Skip(1)).All(pair => pair.Second > pair.First), string.Join(", ", waits));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_page_that_is_not_a_feed_is_an_error_saying_why(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) =>
            app.MapGet("/feed", () => Results.Content("<!DOCTYPE html>\n<html><body>Moved to our new site!</body></html>", "text/html")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Failed, outcome.Result);
        Assert.Contains("HTML page, not a feed", (await harness.FeedAsync(feedId)).LastError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_private_address_is_refused_without_the_allow_list(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(Rss(("a", "A")), "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine, FetchOptions.Default);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Failed, outcome.Result);
        Assert.StartsWith("Refused to connect to 127.0.0.1 (loopback)", (await harness.FeedAsync(feedId)).LastError, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_seed_feed_is_stored_whole(string engine)
    {
        Skip.If(Inertia.Feeds.Tests.SharedData.Folder is null, Inertia.Feeds.Tests.SharedData.SkipReason);
        var seed = await File.ReadAllBytesAsync(Inertia.Feeds.Tests.SharedData.SeedFeed);
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(seed, "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(20, outcome.NewEntries);
        var longest = await harness.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT MAX(LENGTH(content)) FROM entries"));
        Assert.True(longest > 20_000, $"longest content {longest}");
        Assert.Equal("The Cloudflare Blog", (await harness.FeedAsync(feedId)).Title);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_permanent_redirect_answered_304_still_moves_the_feed(string engine)
    {
        var moved = false;
        await using var server = await TestWebServer.StartAsync((app, s) =>
        {
            app.MapGet("/old", (HttpContext context) =>
            {
                if (moved)
                {
                    return Results.Redirect(s.Url("/new").AbsoluteUri, permanent: true);
                }
                context.Response.Headers.ETag = "\"v1\"";
                return Results.Bytes(Rss(("a", "A")), "application/rss+xml");
            });
            app.MapGet("/new", (HttpContext context) =>
                context.Request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Bytes(Rss(("a", "A")), "application/rss+xml"));
        });
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/old"));

        await harness.RefreshAsync(feedId);
        moved = true;
        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.NotModified, outcome.Result);
        Assert.Equal(server.Url("/new").AbsoluteUri, (await harness.FeedAsync(feedId)).Url);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Data_the_database_refuses_is_a_recorded_failure_that_backs_off(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(Rss(("a", "A")), "application/rss+xml")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));
        await harness.Database.WriteAsync((c, t) => c.ExecuteAsync(engine == "sqlite"
            ? "CREATE TRIGGER refuse BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            : """
              CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION refuse();
              """, transaction: t));
        var before = DateTimeOffset.UtcNow;

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal(RefreshResult.Failed, outcome.Result);
        var feed = await harness.FeedAsync(feedId);
        Assert.Equal(1, feed.ErrorCount);
        Assert.Contains("refused by the test", feed.LastError, StringComparison.Ordinal);
        Assert.True(feed.NextCheckAt >= before.AddMinutes(7), $"next check {feed.NextCheckAt}: a failing feed must back off, not be retried at once");
        Assert.Empty(await harness.Store.ClaimDueAsync("other", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), 10));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Control_characters_in_a_json_feed_do_not_stop_it_being_stored(string engine)
    {
        var json = Encoding.UTF8.GetBytes("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T\u0000",
             "items": [{"id": "a\u0000b", "url": "https://e.example/a\u0000", "title": "x\u0001y", "tags": ["t\u0000"], "content_text": "c\u0000d"}]}
            """);
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed", () => Results.Bytes(json, "application/feed+json")));
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var feedId = await harness.FollowAsync(server.Url("/feed"));

        var outcome = await harness.RefreshAsync(feedId);

        Assert.Equal((RefreshResult.Updated, 1), (outcome.Result, outcome.NewEntries));
        var stored = await harness.Database.ReadAsync(c => c.QuerySingleAsync<(string Guid, string Title)>("SELECT guid, title FROM entries"));
        Assert.Equal(("ab", "xy"), stored);
    }
}
