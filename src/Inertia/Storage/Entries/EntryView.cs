namespace Inertia.Storage.Entries;

/// <summary>The lists of entries a reader can look at.</summary>
internal enum EntryView
{
    Unread,
    All,
    Starred,
    /// <summary>Entries published since midnight in the user's time zone.</summary>
    Today,
    Folder,
    Feed,
}
