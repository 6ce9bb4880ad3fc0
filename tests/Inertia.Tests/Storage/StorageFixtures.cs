using Dapper;
using Inertia.Feeds;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;

namespace Inertia.Tests.Storage;

/// <summary>Small builders for storage tests: users, feeds and parsed feeds with chosen entries.</summary>
internal static class StorageFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static async Task<long> UserAsync(Database database, string name = "ann", bool disabled = false)
    {
        var user = await new UserStore(database).CreateAsync(name, "hash", isAdmin: false, Now);
        if (disabled)
        {
            await database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE users SET is_disabled = @yes WHERE id = @id", new { yes = true, id = user!.Id }, t));
        }
        return user!.Id;
    }

    public static async Task<long> FeedAsync(Database database, string url = "https://example.com/feed.xml") =>
        (await new FeedStore(database).GetOrCreateAsync(url, Now, TimeSpan.FromHours(1))).Id;

    public static async Task<(long UserId, long FeedId)> SubscribedAsync(Database database, string user = "ann", string url = "https://example.com/feed.xml")
    {
        var userId = await UserAsync(database, user);
        var feedId = await FeedAsync(database, url);
        await new SubscriptionStore(database).SubscribeAsync(userId, feedId, null, null, Now);
        return (userId, feedId);
    }

    public static Entry Entry(string id, string? title = null, string? content = null, DateTimeOffset? published = null) => new()
    {
        Id = id,
        Title = title ?? "Title " + id,
        Link = "https://example.com/" + id,
        Content = content ?? "<p>Content " + id + "</p>",
        Published = published ?? Now.AddHours(-1),
        Authors = [new Person("Ann")],
        Categories = ["News"],
    };

    public static Feed Parsed(params Entry[] entries) => new()
    {
        Format = FeedFormat.Rss20,
        Title = "Example",
        Link = "https://example.com/",
        Entries = entries,
    };

    /// <summary>Records a successful fetch of <paramref name="feed"/> for the feed (claiming it first).</summary>
    public static async Task<MergeResult> StoreAsync(Database database, long feedId, Feed feed, DateTimeOffset? at = null)
    {
        var store = new RefreshStore(database);
        var when = at ?? Now;
        Assert.NotNull(await store.ClaimAsync(feedId, "test", when, TimeSpan.FromMinutes(5)));
        var change = new FetchStateChange { FetchedAt = when, Succeeded = true, Status = 200, NextCheckAt = when.AddHours(1), CheckIntervalSeconds = 3600 };
        return (await store.CompleteAsync(feedId, "test", change, feed))!.Value;
    }

    public static Task<long> CountAsync(Database database, string sql, object? parameters = null) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, parameters));
}
