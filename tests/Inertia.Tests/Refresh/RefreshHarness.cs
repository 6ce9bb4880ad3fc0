using Inertia.Fetching;
using Inertia.Refresh;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inertia.Tests.Refresh;

/// <summary>A database, a user following feeds, and the real refresh machinery pointed at 127.0.0.1.</summary>
internal sealed class RefreshHarness : IAsyncDisposable
{
    private RefreshHarness(TestDatabase test, HttpFetcher fetcher, long userId)
    {
        Test = test;
        Fetcher = fetcher;
        UserId = userId;
        Store = new RefreshStore(test.Database);
        Refresher = new FeedRefresher(fetcher, Store, Policy, TimeProvider.System);
        Runner = NewRunner();
    }

    public TestDatabase Test { get; }

    public Database Database => Test.Database;

    public HttpFetcher Fetcher { get; }

    public long UserId { get; }

    public RefreshPolicy Policy { get; } = new();

    public RefreshStore Store { get; }

    public FeedRefresher Refresher { get; }

    public RefreshRunner Runner { get; }

    public static async Task<RefreshHarness> CreateAsync(string engine, FetchOptions? fetchOptions = null)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var user = await new UserStore(test.Database).CreateAsync("ann", "hash", false, DateTimeOffset.UtcNow);
        return new RefreshHarness(test, new HttpFetcher(fetchOptions ?? new FetchOptions { AllowList = NetworkAllowList.Parse(["127.0.0.0/8"]) }), user!.Id);
    }

    public RefreshRunner NewRunner(RefreshOptions? options = null) =>
        new(Store, Refresher, options ?? new RefreshOptions { Workers = 4 }, TimeProvider.System, NullLogger<RefreshRunner>.Instance);

    /// <summary>A feed the user follows.</summary>
    public async Task<long> FollowAsync(Uri url)
    {
        var (feedId, _) = await new FeedStore(Database).GetOrCreateAsync(url.AbsoluteUri, DateTimeOffset.UtcNow, RefreshPolicy.DefaultInterval);
        await new SubscriptionStore(Database).SubscribeAsync(UserId, feedId, null, null, DateTimeOffset.UtcNow);
        return feedId;
    }

    /// <summary>Refreshes one feed now, due or not.</summary>
    public async Task<RefreshOutcome> RefreshAsync(long feedId)
    {
        var outcomes = new List<RefreshOutcome>();
        await Runner.RunNowAsync([feedId], o => { lock (outcomes) { outcomes.Add(o); } }, CancellationToken.None);
        return Assert.Single(outcomes);
    }

    public async Task<FeedRecord> FeedAsync(long feedId) => (await new FeedStore(Database).GetAsync(feedId))!;

    public Task<long> EntryCountAsync() => Storage.StorageFixtures.CountAsync(Database, "SELECT COUNT(*) FROM entries");

    public async ValueTask DisposeAsync()
    {
        Fetcher.Dispose();
        await Test.DisposeAsync();
    }
}
