namespace Inertia.Storage.Public;

/// <summary>A user's share link to one entry, with what the list of shares shows of the entry.</summary>
internal sealed record Share
{
    public long Id { get; init; }
    public required string Code { get; init; }
    public long EntryId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? EntryTitle { get; init; }
    public string? FeedTitle { get; init; }
}
