namespace Inertia.Storage.Entries;

/// <summary>One page of a list of entries, and where the next one starts (null at the end).</summary>
internal sealed record EntryPage(IReadOnlyList<EntryListItem> Items, EntryCursor? Next);
