using Inertia.Storage.Entries;

namespace Inertia.Web.Reading;

/// <summary>Entries to show as list items, with their labels and what their links need: the list they belong to and when it was shown.</summary>
internal sealed record EntryItemsView(IReadOnlyList<EntryListItem> Items, IReadOnlyDictionary<long, IReadOnlyList<string>> Labels, ListRef List, long ShownAt, DateTimeOffset Now, TimeZoneInfo Zone)
{
    /// <summary>The article view of an entry, opened from this list.</summary>
    public string EntryUrl(EntryListItem item) => ArticleLink.To(item.EntryId, List, ShownAt);
}
