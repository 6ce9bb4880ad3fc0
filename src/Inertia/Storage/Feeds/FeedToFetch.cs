namespace Inertia.Storage.Feeds;

/// <summary>A feed claimed for fetching, with what a conditional request needs.</summary>
internal sealed record FeedToFetch
{
    public long Id { get; init; }
    public required string Url { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public int ErrorCount { get; init; }
    public int CheckIntervalSeconds { get; init; }
}
