namespace Inertia.Feeds;

/// <summary>A media file attached to an entry (RSS enclosure, Atom <c>rel="enclosure"</c> link, Media RSS content, JSON Feed attachment).</summary>
/// <param name="Url">The file's absolute URL.</param>
/// <param name="Type">The MIME type, when given.</param>
/// <param name="Length">The size in bytes, when given and positive.</param>
public sealed record Enclosure(string Url, string? Type = null, long? Length = null)
{
    /// <summary>The playing time, from Media RSS or iTunes tags.</summary>
    public TimeSpan? Duration { get; init; }
}
