using Inertia.Feeds;

namespace Inertia.Refresh;

/// <summary>
/// When to check a feed next. A healthy feed is checked about twice per gap between its posts (so a new
/// post waits half a gap on average), never more often than <see cref="Minimum"/> and never less often than
/// <see cref="Maximum"/>; the publisher's hints (RSS <c>ttl</c>, <c>sy:updatePeriod</c>, HTTP
/// <c>Cache-Control: max-age</c>) can only lengthen that. A failing feed backs off exponentially with
/// jitter, capped at the maximum, and is never given up on silently.
/// </summary>
internal sealed record RefreshPolicy
{
    /// <summary>The interval for a feed whose publishing frequency is not known yet.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>How far back publication dates are looked at to estimate frequency.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public TimeSpan Minimum { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan Maximum { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The interval after a successful fetch, from the entries' publication dates and the publisher's hints.
    /// With no dated entry in the last 30 days the feed is quiet and gets the maximum; with no dates at all,
    /// the default.
    /// </summary>
    public TimeSpan IntervalFor(Feed feed, TimeSpan? cacheMaxAge, DateTimeOffset now)
    {
        var dated = 0;
        var recent = 0;
        var oldestRecent = now;
        foreach (var entry in feed.Entries)
        {
            if ((entry.Published ?? entry.Updated) is not { } date)
            {
                continue;
            }
            dated++;
            if (date <= now && now - date <= Window)
            {
                recent++;
                oldestRecent = date < oldestRecent ? date : oldestRecent;
            }
        }
        TimeSpan interval;
        if (dated == 0)
        {
            interval = DefaultInterval;
        }
        else if (recent == 0)
        {
            interval = Maximum;
        }
        else
        {
            // The span covered by the recent posts, counted from the oldest of them to now, shared among them.
            var gap = (now - oldestRecent) / recent;
            interval = gap / 2;
        }
        foreach (var hint in new[] { feed.TimeToLive, feed.UpdateInterval, cacheMaxAge })
        {
            if (hint is { } longer && longer > interval)
            {
                interval = longer;
            }
        }
        return Clamp(interval);
    }

    /// <summary>
    /// The wait after the <paramref name="errorCount"/>-th failure in a row: the minimum doubled per failure,
    /// capped at the maximum, with ±20% jitter so that feeds failing together do not retry together; a
    /// server's Retry-After is honoured when it asks for longer.
    /// </summary>
    public TimeSpan Backoff(int errorCount, TimeSpan? retryAfter, Random random)
    {
        var exponent = Math.Clamp(errorCount - 1, 0, 30);
        var jittered = Minimum.Ticks * Math.Pow(2, exponent) * (0.8 + (random.NextDouble() * 0.4));
        var wait = TimeSpan.FromTicks((long)Math.Min(jittered, Maximum.Ticks));
        return retryAfter is { } asked && asked > wait ? (asked < LongestRetryAfter ? asked : LongestRetryAfter) : wait;
    }

    /// <summary>A server may ask for a long pause, but not to be forgotten.</summary>
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(7);

    private TimeSpan Clamp(TimeSpan interval) =>
        interval < Minimum ? Minimum : interval > Maximum ? Maximum : interval;
}
