using Inertia.Storage.Entries;

namespace Inertia.Storage.Sync;

/// <summary>Which of a user's entries a sync client asks for (a Google Reader stream with its filters).</summary>
internal sealed record SyncFilter
{
    public long? FeedId { get; init; }

    /// <summary>A Google Reader label: the entries of the feeds in the user's folder of this title, and the entries the user labelled so.</summary>
    public string? FolderTitle { get; init; }

    /// <summary>Only read (true) or only unread (false) entries; both when null.</summary>
    public bool? Read { get; init; }

    /// <summary>Only starred (true) or only unstarred (false) entries; both when null.</summary>
    public bool? Starred { get; init; }

    /// <summary>Published at or after this (Unix ms).</summary>
    public long? PublishedFrom { get; init; }

    /// <summary>Published at or before this (Unix ms).</summary>
    public long? PublishedTo { get; init; }

    public bool OldestFirst { get; init; }

    /// <summary>Continue after this place of the previous page.</summary>
    public EntryCursor? After { get; init; }
}
