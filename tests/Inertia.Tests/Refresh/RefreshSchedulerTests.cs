using System.Text;
using Inertia.Refresh;
using Inertia.Storage.Entries;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inertia.Tests.Refresh;

/// <summary>The background service <c>serve</c> runs: due feeds get fetched without anyone asking.</summary>
public sealed class RefreshSchedulerTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Due_feeds_are_refreshed_in_the_background_and_a_failing_feed_does_not_stop_the_others(string engine)
    {
        await using var server = await TestWebServer.StartAsync((app, _) =>
        {
            app.MapGet("/good", () => Results.Bytes(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>g</title><item><guid>1</guid></item><item><guid>2</guid></item></channel></rss>"), "application/rss+xml"));
            app.MapGet("/bad", () => Results.StatusCode(500));
        });
        await using var harness = await RefreshHarness.CreateAsync(engine);
        var good = await harness.FollowAsync(server.Url("/good"));
        var bad = await harness.FollowAsync(server.Url("/bad"));
        var scheduler = new RefreshScheduler(harness.Runner, new RetentionStore(harness.Database), new RetentionPolicy(), TimeProvider.System, NullLogger<RefreshScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await harness.EntryCountAsync() < 2 || (await harness.FeedAsync(bad)).ErrorCount == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the scheduler did not refresh the due feeds within 20 s");
                await Task.Delay(100);
            }
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, (await harness.FeedAsync(good)).ErrorCount);
        Assert.Equal(1, (await harness.FeedAsync(bad)).ErrorCount);
        Assert.True((await harness.FeedAsync(good)).NextCheckAt > DateTimeOffset.UtcNow.AddMinutes(9));
    }
}
