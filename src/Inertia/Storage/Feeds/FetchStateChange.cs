namespace Inertia.Storage.Feeds;

/// <summary>What one fetch changed in a feed's fetch state.</summary>
internal sealed record FetchStateChange
{
    public required DateTimeOffset FetchedAt { get; init; }
    public int? Status { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public required DateTimeOffset NextCheckAt { get; init; }
    public required int CheckIntervalSeconds { get; init; }
    public bool Succeeded { get; init; }
    public string? Error { get; init; }
    public bool IsGone { get; init; }

    /// <summary>A new permanent address for the feed (after a 301/308 whose target served the feed).</summary>
    public string? MovedTo { get; init; }
}
