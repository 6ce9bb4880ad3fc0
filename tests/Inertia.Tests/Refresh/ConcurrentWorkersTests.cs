using System.Collections.Concurrent;
using System.Text;
using Inertia.Fetching;
using Inertia.Refresh;
using Inertia.Storage;
using Inertia.Storage.Feeds;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inertia.Tests.Refresh;

/// <summary>Several workers on one database: no feed is fetched twice at once, and no host gets more than its share.</summary>
public sealed class ConcurrentWorkersTests
{
    private const int FeedCount = 40;

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Two_workers_fetch_every_due_feed_exactly_once(string engine)
    {
        var inFlight = new ConcurrentDictionary<string, int>();
        var fetches = new ConcurrentDictionary<string, int>();
        var overlapping = 0;
        var concurrent = 0;
        var maxConcurrent = 0;
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feeds/{id}", async (string id) =>
        {
            fetches.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (inFlight.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlapping);
            }
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref maxConcurrent, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref concurrent);
            inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
            return Results.Bytes(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>{id}</title><item><guid>{id}-1</guid><title>x</title></item></channel></rss>"), "application/rss+xml");
        }));
        await using var first = await RefreshHarness.CreateAsync(engine);
        for (var i = 0; i < FeedCount; i++)
        {
            await first.FollowAsync(server.Url($"/feeds/{i}"));
        }
        // A second worker as a second process would have it: its own database handle (on SQLite, its own
        // writer connection to the same file) and its own HTTP client.
        await using var secondDatabase = await Database.OpenAsync(first.Database.Settings);
        using var secondFetcher = new HttpFetcher(new FetchOptions { AllowList = NetworkAllowList.Parse(["127.0.0.0/8"]) });
        var secondStore = new RefreshStore(secondDatabase);
        var options = new RefreshOptions { Workers = 4, PerHost = 2 };
        var second = new RefreshRunner(secondStore, new FeedRefresher(secondFetcher, secondStore, new RefreshPolicy(), TimeProvider.System), options, TimeProvider.System, NullLogger<RefreshRunner>.Instance);

        var outcomes = new ConcurrentBag<RefreshOutcome>();
        var counts = await Task.WhenAll(
            first.NewRunner(options).RunRoundAsync(outcomes.Add, CancellationToken.None),
            second.RunRoundAsync(outcomes.Add, CancellationToken.None));

        Assert.Equal(FeedCount, counts.Sum());
        Assert.Equal(FeedCount, fetches.Count);
        Assert.All(fetches.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, overlapping);
        Assert.All(outcomes, o => Assert.Equal(RefreshResult.Updated, o.Result));
        Assert.InRange(maxConcurrent, 1, 2 * options.PerHost);
        Assert.Equal(FeedCount, await first.EntryCountAsync());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Claims_that_wait_behind_a_busy_host_are_not_fetched_twice(string engine)
    {
        var fetches = new ConcurrentDictionary<string, int>();
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/slow/{id}", async (string id) =>
        {
            fetches.AddOrUpdate(id, 1, (_, n) => n + 1);
            await Task.Delay(300);
            return Results.Bytes(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>{id}</title><item><guid>{id}</guid></item></channel></rss>"), "application/rss+xml");
        }));
        await using var first = await RefreshHarness.CreateAsync(engine);
        for (var i = 0; i < 12; i++)
        {
            await first.FollowAsync(server.Url($"/slow/{i}"));
        }
        // One host, one fetch at a time, 300 ms each: the last feeds wait about 3.5 s, far past a 1 s lease.
        var options = new RefreshOptions { Workers = 4, PerHost = 1, Lease = TimeSpan.FromSeconds(1) };
        await using var secondDatabase = await Database.OpenAsync(first.Database.Settings);
        using var secondFetcher = new HttpFetcher(new FetchOptions { AllowList = NetworkAllowList.Parse(["127.0.0.0/8"]) });
        var secondStore = new RefreshStore(secondDatabase);
        var second = new RefreshRunner(secondStore, new FeedRefresher(secondFetcher, secondStore, new RefreshPolicy(), TimeProvider.System), options, TimeProvider.System, NullLogger<RefreshRunner>.Instance);

        var outcomes = new ConcurrentBag<RefreshOutcome>();
        await Task.WhenAll(
            first.NewRunner(options).RunRoundAsync(outcomes.Add, CancellationToken.None),
            Task.Delay(500).ContinueWith(_ => second.RunRoundAsync(outcomes.Add, CancellationToken.None), TaskScheduler.Default).Unwrap());

        Assert.All(fetches, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(12, fetches.Count);
        Assert.Equal(12, outcomes.Count(o => o.Result == RefreshResult.Updated));
        Assert.Equal(0, await Storage.StorageFixtures.CountAsync(first.Database, "SELECT COUNT(*) FROM feeds WHERE lease_owner IS NOT NULL"));
    }
}
