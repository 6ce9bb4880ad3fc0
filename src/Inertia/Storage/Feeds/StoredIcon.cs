namespace Inertia.Storage.Feeds;

/// <summary>A stored site icon.</summary>
internal sealed record StoredIcon
{
    public required string ContentType { get; init; }
    public required byte[] Data { get; init; }

    /// <summary>A hash of the bytes, used as the HTTP ETag.</summary>
    public required string Hash { get; init; }
}
