namespace Inertia.Storage.Subscriptions;

/// <summary>A folder's numbers (null folder: the feeds outside folders), summed from the subscriptions' kept counts.</summary>
internal sealed record FolderCounts
{
    public long? FolderId { get; init; }
    public long Feeds { get; init; }
    public long Unread { get; init; }
    public long Starred { get; init; }
}
