using Inertia.Feeds;
using Inertia.Refresh;

namespace Inertia.Tests.Refresh;

public class RefreshPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly RefreshPolicy _policy = new();

    private static Feed FeedWithPostsEvery(TimeSpan gap, int count, TimeSpan? ttl = null) => new()
    {
        Format = FeedFormat.Rss20,
        TimeToLive = ttl,
        Entries = [.. Enumerable.Range(0, count).Select(i => new Entry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Published = Now - (gap * i) - gap })],
    };

    [Fact]
    public void A_daily_feed_is_checked_about_twice_a_day() =>
        Assert.Equal(TimeSpan.FromHours(12), _policy.IntervalFor(FeedWithPostsEvery(TimeSpan.FromDays(1), 10), null, Now));

    [Fact]
    public void A_busy_feed_is_checked_no_more_often_than_the_minimum() =>
        Assert.Equal(TimeSpan.FromMinutes(10), _policy.IntervalFor(FeedWithPostsEvery(TimeSpan.FromMinutes(1), 50), null, Now));

    [Fact]
    public void A_quiet_feed_is_checked_at_the_maximum() =>
        Assert.Equal(TimeSpan.FromHours(24), _policy.IntervalFor(FeedWithPostsEvery(TimeSpan.FromDays(60), 5), null, Now));

    [Fact]
    public void A_feed_without_dates_gets_the_default() =>
        Assert.Equal(RefreshPolicy.DefaultInterval, _policy.IntervalFor(new Feed { Format = FeedFormat.Rss20, Entries = [new Entry { Id = "x" }] }, null, Now));

    [Fact]
    public void Hints_can_lengthen_but_never_shorten_and_never_pass_the_maximum()
    {
        var hourly = FeedWithPostsEvery(TimeSpan.FromHours(2), 10);
        Assert.Equal(TimeSpan.FromHours(1), _policy.IntervalFor(hourly, null, Now));
        Assert.Equal(TimeSpan.FromHours(3), _policy.IntervalFor(hourly, TimeSpan.FromHours(3), Now));
        Assert.Equal(TimeSpan.FromHours(1), _policy.IntervalFor(hourly, TimeSpan.FromMinutes(5), Now));
        Assert.Equal(TimeSpan.FromHours(6), _policy.IntervalFor(FeedWithPostsEvery(TimeSpan.FromHours(2), 10, ttl: TimeSpan.FromHours(6)), null, Now));
        Assert.Equal(TimeSpan.FromHours(24), _policy.IntervalFor(hourly, TimeSpan.FromDays(30), Now));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_up_to_the_maximum()
    {
        var random = new Random(1);
        for (var errors = 1; errors <= 12; errors++)
        {
            var expected = Math.Min(10 * Math.Pow(2, errors - 1), 24 * 60);
            var wait = _policy.Backoff(errors, null, random).TotalMinutes;
            Assert.InRange(wait, Math.Min(expected * 0.8, 24 * 60), Math.Min(expected * 1.2, 24 * 60));
        }
    }

    [Fact]
    public void Retry_after_is_honoured_when_longer_and_capped_at_a_week()
    {
        var random = new Random(1);
        Assert.Equal(TimeSpan.FromHours(5), _policy.Backoff(1, TimeSpan.FromHours(5), random));
        Assert.InRange(_policy.Backoff(1, TimeSpan.FromSeconds(1), random).TotalMinutes, 8, 12);
        Assert.Equal(TimeSpan.FromDays(7), _policy.Backoff(1, TimeSpan.FromDays(100), random));
    }
}
