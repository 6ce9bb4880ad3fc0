namespace Inertia.Refresh;

/// <summary>How many feeds are fetched at once, in all and per host, and how long a claim lasts.</summary>
internal sealed record RefreshOptions
{
    /// <summary>Fetches at once: 8 per core (they mostly wait on the network), at least 8, at most 64 (the connection pools' share).</summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount * 8, 8, 64);

    public int PerHost { get; init; } = 2;

    /// <summary>How long a claim holds before another worker may take the feed (a dead worker's claims expire).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    public RefreshPolicy Policy { get; init; } = new();
}
