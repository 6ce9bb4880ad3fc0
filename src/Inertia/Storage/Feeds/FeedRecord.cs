namespace Inertia.Storage.Feeds;

/// <summary>A feed as stored: what it is, and its fetch state.</summary>
internal sealed record FeedRecord
{
    public long Id { get; init; }
    public required string Url { get; init; }
    public string? SiteUrl { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? Format { get; init; }
    public string? ImageUrl { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public DateTimeOffset? LastFetchedAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastParsedAt { get; init; }
    public DateTimeOffset NextCheckAt { get; init; }
    public int CheckIntervalSeconds { get; init; }
    public int ErrorCount { get; init; }
    public string? LastError { get; init; }
    public int? LastStatus { get; init; }
    public bool IsGone { get; init; }
}
