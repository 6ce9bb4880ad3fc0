namespace Inertia.Storage.Entries;

/// <summary>Which of a user's entries to list, in which order, from where.</summary>
internal sealed record EntryQuery
{
    public EntryView View { get; init; } = EntryView.Unread;

    /// <summary>The folder, for <see cref="EntryView.Folder"/>.</summary>
    public long? FolderId { get; init; }

    /// <summary>The feed, for <see cref="EntryView.Feed"/>.</summary>
    public long? FeedId { get; init; }

    /// <summary>Where <see cref="EntryView.Today"/> begins.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Leave read entries out (the Unread view always does).</summary>
    public bool UnreadOnly { get; init; }

    /// <summary>
    /// With <see cref="UnreadOnly"/>, still include entries read at or after this time: the entries a reader
    /// opened from a list stay reachable from the next and previous links of that list.
    /// </summary>
    public DateTimeOffset? ReadSince { get; init; }

    public bool OldestFirst { get; init; }

    /// <summary>Start after this place (the last entry of the previous page).</summary>
    public EntryCursor? After { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>Whether the list leaves read entries out.</summary>
    public bool HidesRead => View == EntryView.Unread || UnreadOnly;
}
