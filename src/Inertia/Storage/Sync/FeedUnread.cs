namespace Inertia.Storage.Sync;

/// <summary>A followed feed's unread count and the publication time of its newest entry (Unix ms; null when it has none).</summary>
internal sealed record FeedUnread(long FeedId, string? FolderTitle, int Unread, long? NewestAt);
