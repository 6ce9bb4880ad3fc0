namespace Inertia.Storage.Entries;

/// <summary>An entry as a list shows it.</summary>
internal sealed record EntryListItem
{
    public long EntryId { get; init; }
    public long FeedId { get; init; }
    public long? FolderId { get; init; }
    public required string FeedTitle { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Snippet { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public bool IsRead { get; init; }
    public bool IsStarred { get; init; }
    /// <summary>The version of the feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }

    public EntryCursor Cursor => new(PublishedAt.ToUnixTimeMilliseconds(), EntryId);
}
